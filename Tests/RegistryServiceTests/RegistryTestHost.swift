import Foundation
import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import RegistryAPI
import RegistryService

/// A registry service on a fresh database file, called in-process through the same router,
/// transactions, idempotency, audit and error mapping as a network request.
final class RegistryTestHost {
    let directory: TemporaryDirectory
    let host: ServiceHost

    init(_ label: String = "registry") throws {
        directory = try TemporaryDirectory(label)
        host = try ServiceHost(definition: RegistryDefinition(), databasePath: directory.file("registry.sqlite"),
                               log: Log(service: "registry", level: .error, flushInterval: 0))
    }

    deinit { directory.remove() }

    /// Calls `method` with `request` as a client holding `role`.
    func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request, role: Role = .admin,
                                 idempotencyKey: [UInt8]? = nil) throws -> Response {
        try host.call(method, request, keyID: "test-key", role: role, idempotencyKey: idempotencyKey)
    }

    /// Imports a shipped data file.
    @discardableResult
    func importShipped(_ file: CommitteeFile) throws -> ImportResult {
        try call(RegistryMethods.importCommittee, ImportRequest(file: file))
    }
}
