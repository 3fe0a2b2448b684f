import KansliProtocol
import Synchronization

/// A `ClientTransport` over TCP: a pool of authenticated connections to one service.
///
/// A round trip checks out an idle connection (or opens one and runs the handshake), so
/// concurrent calls use separate connections. A pooled connection the server has meanwhile
/// closed is replaced by a fresh one within the same round trip.
public final class TCPTransport: ClientTransport {
    public let host: String
    public let port: Int
    private let credential: ClientCredential
    private let options: ClientOptions
    private let idle = Mutex<[ClientConnection]>([])

    public init(host: String, port: Int, credential: ClientCredential, options: ClientOptions = ClientOptions()) {
        self.host = host
        self.port = port
        self.credential = credential
        self.options = options
    }

    deinit {
        close()
    }

    public var peerDescription: String { "\(host):\(port)" }

    public func close() {
        let connections = idle.withLock { pool -> [ClientConnection] in
            defer { pool.removeAll() }
            return pool
        }
        for connection in connections { connection.close() }
    }

    public func roundTrip(_ request: OutgoingRequest, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        do {
            return try attempt(request, deadline: deadline)
        } catch let remote as RemoteError {
            throw .remote(remote.error)
        } catch let connection as ConnectionError {
            // The server's own words about the connection, with their code: `unavailable` (a
            // limit, shutting down) may be retried; anything else is a fault to report as is.
            let error = ServiceError(connection.error.code, "\(peerDescription) closed the connection: \(connection.error.message)")
            switch error.code {
            case .unavailable: throw .unavailable(error)
            case .timeout: throw .timeout(error)
            default: throw .failed(error)
            }
        } catch let lost as ConnectionLost {
            throw .unavailable(ServiceError(.unavailable, "\(peerDescription): \(lost.reason)"))
        } catch let error as Errno {
            if error.isTimeout {
                throw .timeout(ServiceError(.timeout, "\(peerDescription): no response in time"))
            }
            throw .unavailable(ServiceError(.unavailable, "cannot reach the service at \(peerDescription): \(error)"))
        } catch let error as ServiceError {
            switch error.code {
            case .timeout: throw .timeout(error)
            case .unavailable: throw .unavailable(error)
            default: throw .failed(error)
            }
        } catch {
            throw .failed(ServiceError(.internal, "\(peerDescription): \(error)"))
        }
    }

    /// A pooled connection if one is idle (replaced by a fresh one if the server has closed it),
    /// else a new one.
    private func attempt(_ request: OutgoingRequest, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        if let pooled = idle.withLock({ $0.popLast() }) {
            do {
                let response = try send(request, on: pooled, deadline: deadline)
                checkIn(pooled)
                return response
            } catch let remote as RemoteError {
                checkIn(pooled)
                throw remote
            } catch is ConnectionLost {
                pooled.close()  // the server closed an idle connection: fall through to a new one
            } catch let error as Errno where !error.isTimeout {
                pooled.close()
            } catch {
                pooled.close()
                throw error
            }
        }
        let connection = try ClientConnection.open(host: host, port: port, credential: credential, options: options,
                                                   deadline: deadline)
        do {
            let response = try send(request, on: connection, deadline: deadline)
            checkIn(connection)
            return response
        } catch let remote as RemoteError {
            checkIn(connection)
            throw remote
        } catch {
            connection.close()
            throw error
        }
    }

    private func send(_ request: OutgoingRequest, on connection: ClientConnection,
                      deadline: ContinuousClock.Instant) throws -> [UInt8] {
        try connection.roundTrip(method: request.methodID, requestID: request.requestID,
                                 idempotencyKey: request.idempotencyKey, payload: request.payload, deadline: deadline)
    }

    private func checkIn(_ connection: ClientConnection) {
        let kept = idle.withLock { pool -> Bool in
            guard pool.count < options.maxIdleConnections else { return false }
            pool.append(connection)
            return true
        }
        if !kept { connection.close() }
    }
}
