import KansliArguments
import KansliProtocol
import KansliTransport

/// The peer options of a service's command line, kept so SIGHUP can read the key file again.
struct PeerSetup: Sendable {
    /// Each peer's address.
    let addresses: [(service: String, host: String, port: Int)]
    /// The service's own client key file, if given.
    let keyFile: String?
    /// Seconds all the peer calls of one request may take.
    let timeout: Double

    init(_ parsed: ParsedCommand, peers: [String]) throws {
        guard !peers.isEmpty else {
            addresses = []
            keyFile = nil
            timeout = Peers.defaultTimeout
            return
        }
        addresses = try peers.map { peer in
            let (host, port) = try PeerSetup.address(try parsed.string("\(peer)-address"), option: "--\(peer)-address")
            return (peer, host, port)
        }
        keyFile = parsed.stringIfPresent("peer-key-file")
        timeout = try parsed.double("peer-timeout", in: 0.1...60)
    }

    /// The configuration of every peer, with the credential read from `keyFile` now; none
    /// without a key file.
    func configurations() throws -> [PeerConfiguration] {
        guard let keyFile else { return [] }
        let credential = try ClientCredential.load(path: keyFile)
        return addresses.map { PeerConfiguration(service: $0.service, host: $0.host, port: $0.port, credential: credential) }
    }

    /// `host:port` (IPv6 as `[::1]:7401`) split, or an `ArgumentError`-like setup error naming the option.
    static func address(_ text: String, option: String) throws -> (String, Int) {
        var host = Substring(text)
        guard let colon = host.lastIndex(of: ":"), let port = Int(host[host.index(after: colon)...]),
            (1...65535).contains(port)
        else {
            throw ServiceSetupError("\(option): expected host:port, got \(ServiceError.quote(text))")
        }
        host = host[..<colon]
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw ServiceSetupError("\(option): the host is missing in \(ServiceError.quote(text))") }
        return (String(host), port)
    }
}
