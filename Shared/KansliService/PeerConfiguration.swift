import KansliTransport

/// How a service reaches one peer: its address and the client credential this service
/// authenticates with there.
public struct PeerConfiguration: Sendable {
    /// The peer's name (`registry`, `finance`, `documents`): the service it must turn out to be.
    public let service: String
    /// Where it listens.
    public let host: String
    public let port: Int
    /// This service's own client key for the peer.
    public let credential: ClientCredential

    public init(service: String, host: String, port: Int, credential: ClientCredential) {
        self.service = service
        self.host = host
        self.port = port
        self.credential = credential
    }
}
