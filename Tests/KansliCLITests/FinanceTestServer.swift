import FinanceService
import Foundation
import KansliCrypto
import KansliService
import KansliTestSupport
import KansliTransport
@testable import KansliCLI

/// The seeded registry of `RegistryTestServer` and a real finance service in front of it, each
/// served in this process on a free port; finance reaches the registry over TCP with the read
/// key, as a deployment does. `kansli` runs in-process against both.
final class FinanceTestServer {
    let registry: RegistryTestServer
    let directory: TemporaryDirectory
    let port: Int
    /// Documents in this process, which finance asks about adopting paragraphs.
    let documents: ServiceHost
    private let server: Server

    /// A shipped budget file.
    static func seed(_ name: String) -> String { RegistryTestServer.seed(name) }

    init() throws {
        registry = try RegistryTestServer.seeded()
        directory = try TemporaryDirectory("cli-finance")
        let log = Log(service: "finance", level: .error, flushInterval: 0)
        let peer = ServiceClient(host: "127.0.0.1", port: registry.port, credential: registry.keys.reader)
        documents = try DocumentsTestServer.host(directory: directory, registry: peer, log: log)
        let documentsClient = ServiceClient(transport: InProcessTransport(handler: documents, keyID: "finance-peer", role: .read))
        let peers = Peers(names: FinanceDefinition().peers, clients: ["registry": peer, "documents": documentsClient], timeout: 4)
        let host = try ServiceHost(definition: FinanceDefinition(), databasePath: directory.file("finance.sqlite"), log: log,
                                   peers: peers)
        var configuration = ServerConfiguration(serviceName: "finance")
        configuration.shutdownGracePeriod = 1
        server = Server(configuration: configuration, keyring: try registry.keys.keyring(forService: "finance"), handler: host, log: log)
        port = try server.start()
    }

    deinit {
        server.shutdown()
        directory.remove()
    }

    /// Runs `kansli finance …` (the words of `line`, split at spaces) with the admin key.
    @discardableResult
    func finance(_ line: String) -> RegistryTestServer.Run {
        run(["finance"] + line.split(separator: " ").map(String.init))
    }

    /// Runs `kansli ARGUMENTS` with the admin key.
    func run(_ arguments: [String]) -> RegistryTestServer.Run {
        let credential = registry.keys.admin
        let environment = ["KANSLI_REGISTRY": "127.0.0.1:\(registry.port)", "KANSLI_FINANCE": "127.0.0.1:\(port)",
                           "KANSLI_KEY_ID": credential.keyID, "KANSLI_SECRET": Hex.encode(credential.secret)]
        let (output, captured) = Output.capturing()
        let status = KansliCommandLine.run(arguments, environment: environment, output: output)
        let (out, err) = captured()
        return RegistryTestServer.Run(status: status, out: out, err: err)
    }
}
