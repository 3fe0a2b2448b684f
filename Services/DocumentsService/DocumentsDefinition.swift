// DocumentsService: what was decided — meetings, agendas, attendance, paragraphs, minutes, the
// signing flow (justering), notices (anslag) and extracts (utdrag).
//
// This version answers the runtime's common methods (health, stats, audit); the documents domain
// arrives with its own issue. It must not read another service's database: it asks the registry.
import KansliService
import KansliStore

/// The documents service as the runtime runs it.
public struct DocumentsDefinition: ServiceDefinition {
    public static let serviceName = "documents"

    public init() {}

    public var migrations: [Migration] { [] }

    /// It asks the registry about members and their signing keys.
    public var peers: [String] { ["registry"] }

    public func register(into router: ServiceRouter) {}
}
