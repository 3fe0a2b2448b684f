import DocumentsService
import Foundation
import KansliCrypto
import KansliService
import KansliTestSupport
import KansliTransport
@testable import KansliCLI

/// The seeded registry of `RegistryTestServer` and a real documents service in front of it, each
/// served in this process on a free port; documents reaches the registry over TCP with the read
/// key, as a deployment does. `kansli` runs in-process against both.
final class DocumentsTestServer {
    let registry: RegistryTestServer
    let directory: TemporaryDirectory
    let port: Int
    private let server: Server

    /// The shipped meeting file of Norrbottens e-nämnd's 2022-06-22 meeting (seed 002).
    static let seedMeeting = RegistryTestServer.seed("norrbotten-e-namnd-2022-06-22.json")

    /// `signers`: person ids to make signer-role client keys for.
    init(signers: [String] = []) throws {
        registry = try RegistryTestServer.seeded(signers: signers)
        directory = try TemporaryDirectory("cli-documents")
        let log = Log(service: "documents", level: .error, flushInterval: 0)
        let peer = ServiceClient(host: "127.0.0.1", port: registry.port, credential: registry.keys.reader)
        let host = try Self.host(directory: directory, registry: peer, log: log)
        var configuration = ServerConfiguration(serviceName: "documents")
        configuration.shutdownGracePeriod = 1
        server = Server(configuration: configuration, keyring: try registry.keys.keyring(forService: "documents"), handler: host, log: log)
        port = try server.start()
    }

    /// A documents `ServiceHost` in `directory` that reaches the registry through `registry`.
    static func host(directory: TemporaryDirectory, registry: ServiceClient, log: Log) throws -> ServiceHost {
        try ServiceHost(definition: DocumentsDefinition(), databasePath: directory.file("documents.sqlite"), log: log,
                        peers: Peers(names: DocumentsDefinition().peers, clients: ["registry": registry], timeout: 4))
    }

    deinit {
        server.shutdown()
        directory.remove()
    }

    /// A server with the seed meeting imported.
    static func withSeedMeeting(signers: [String] = []) throws -> DocumentsTestServer {
        let server = try DocumentsTestServer(signers: signers)
        let imported = server.run(["documents", "import", seedMeeting])
        guard imported.status == 0 else { throw RegistryTestServer.Failure(description: "import: \(imported.err)") }
        return server
    }

    /// Runs `kansli documents …` (the words of `line`, split at spaces) with the admin key.
    @discardableResult
    func documents(_ line: String) -> RegistryTestServer.Run {
        run(["documents"] + line.split(separator: " ").map(String.init))
    }

    /// Runs `kansli ARGUMENTS` with the admin key, or `credential`.
    func run(_ arguments: [String], as credential: ClientCredential? = nil) -> RegistryTestServer.Run {
        let credential = credential ?? registry.keys.admin
        let environment = ["KANSLI_REGISTRY": "127.0.0.1:\(registry.port)", "KANSLI_DOCUMENTS": "127.0.0.1:\(port)",
                           "KANSLI_KEY_ID": credential.keyID, "KANSLI_SECRET": Hex.encode(credential.secret)]
        let (output, captured) = Output.capturing()
        let status = KansliCommandLine.run(arguments, environment: environment, output: output)
        let (out, err) = captured()
        return RegistryTestServer.Run(status: status, out: out, err: err)
    }
}
