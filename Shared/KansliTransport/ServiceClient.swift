import Foundation
import KansliCrypto
import KansliProtocol
import Synchronization

/// A client of one Kansli service: typed calls over pooled, authenticated connections.
///
/// Every call has a deadline (`ClientOptions.callTimeout` or the call's own). A call that fails
/// because the connection broke, timed out or the server answered `unavailable` is retried with
/// exponential backoff until `maxAttempts` or the deadline. Writes (methods whose role is `write`
/// or `admin`) carry one idempotency key for all their attempts, so the server applies a retried
/// write once. Errors are always `ServiceError`: the server's own, or `unavailable`/`timeout`.
public final class ServiceClient: Sendable {
    public let host: String
    public let port: Int
    public let options: ClientOptions
    private let credential: ClientCredential
    private let idle = Mutex<[ClientConnection]>([])
    private let nextRequestID = Atomic<UInt32>(1)

    public init(host: String, port: Int, credential: ClientCredential, options: ClientOptions = ClientOptions()) {
        self.host = host
        self.port = port
        self.credential = credential
        self.options = options
    }

    deinit {
        close()
    }

    /// Closes the pooled connections. Calls made afterwards open new ones.
    public func close() {
        let connections = idle.withLock { pool -> [ClientConnection] in
            defer { pool.removeAll() }
            return pool
        }
        for connection in connections { connection.close() }
    }

    /// Calls `method` with `request` and returns its typed response.
    ///
    /// A write gets a fresh idempotency key for this call (shared by its retries) unless the
    /// caller passes one: a caller that records its key before calling can repeat the call after
    /// its own crash, or the service's restart, and the write is still applied once.
    public func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request,
                                        timeout: Double? = nil, idempotencyKey: [UInt8]? = nil) throws(ServiceError) -> Response {
        let payload = try ProtocolCoding.encode(request)
        let response = try callRaw(methodID: method.id, payload: payload, isWrite: method.isWrite, timeout: timeout,
                                   idempotencyKey: idempotencyKey)
        return try ProtocolCoding.decode(Response.self, from: response, what: "\(method.name) response")
    }

    /// Sends an already-encoded request and returns the encoded response payload.
    public func callRaw(methodID: UInt16, payload: [UInt8], isWrite: Bool, timeout: Double? = nil,
                        idempotencyKey givenKey: [UInt8]? = nil) throws(ServiceError) -> [UInt8] {
        if let givenKey, givenKey.count != 16 || givenKey.allSatisfy({ $0 == 0 }) {
            throw ServiceError(.badRequest, "an idempotency key is 16 bytes, not all zero", field: "idempotencyKey")
        }
        let budget = timeout ?? options.callTimeout
        let deadline = ContinuousClock.now + .milliseconds(Int(budget * 1000))
        let idempotencyKey = isWrite ? givenKey ?? SecureRandom.bytes(16) : nil
        var attempt = 0
        var backoff = options.initialBackoff
        var lastError = ServiceError(.unavailable, "no attempt was made")
        while attempt < max(1, options.maxAttempts) {
            attempt += 1
            let requestID = nextRequestID.wrappingAdd(1, ordering: .relaxed).oldValue
            do {
                return try attemptCall(methodID: methodID, requestID: requestID, idempotencyKey: idempotencyKey, payload: payload)
            } catch let remote as RemoteError {
                guard remote.error.code == .unavailable else { throw remote.error }
                lastError = remote.error
            } catch let error as ServiceError {
                guard error.code == .timeout || error.code == .unavailable else { throw error }
                lastError = error
            } catch let lost as ConnectionLost {
                lastError = ServiceError(.unavailable, "\(host):\(port): \(lost.reason)")
            } catch let error as Errno {
                lastError = error.isTimeout
                    ? ServiceError(.timeout, "\(host):\(port): no response within \(options.callTimeout) s")
                    : ServiceError(.unavailable, "cannot reach the service at \(host):\(port): \(error)")
            } catch {
                throw ServiceError(.internal, "\(error)")
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || attempt >= options.maxAttempts { break }
            let pause = min(backoff, Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18)
            Thread.sleep(forTimeInterval: pause)
            backoff = min(backoff * 2, options.maxBackoff)
        }
        throw lastError
    }

    /// One attempt: a pooled connection if one is idle (retried once on a fresh connection if the
    /// pooled one turns out to be dead), else a new one.
    private func attemptCall(methodID: UInt16, requestID: UInt32, idempotencyKey: [UInt8]?, payload: [UInt8]) throws -> [UInt8] {
        if let pooled = idle.withLock({ $0.popLast() }) {
            do {
                let response = try pooled.roundTrip(method: methodID, requestID: requestID, idempotencyKey: idempotencyKey, payload: payload)
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
        let connection = try ClientConnection.open(host: host, port: port, credential: credential, options: options)
        do {
            let response = try connection.roundTrip(method: methodID, requestID: requestID, idempotencyKey: idempotencyKey, payload: payload)
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

    private func checkIn(_ connection: ClientConnection) {
        let kept = idle.withLock { pool -> Bool in
            guard pool.count < options.maxIdleConnections else { return false }
            pool.append(connection)
            return true
        }
        if !kept { connection.close() }
    }
}
