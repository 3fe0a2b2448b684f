import Foundation
import KansliCrypto
import KansliService
import KansliTestSupport
import KansliTransport
import RegistryService
@testable import KansliCLI

/// A real registry service on a fresh database, served in this process on a free port, and
/// `kansli` run against it in-process with a test key.
final class RegistryTestServer {
    /// What one run of `kansli` gave.
    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// A step of a test's set-up that failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let directory: TemporaryDirectory
    let keys: TestKeys
    let port: Int
    private let server: Server

    /// `deploy/seed-data/` of the repository.
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    /// The path of a shipped committee file.
    static func seed(_ name: String) -> String {
        seedDirectory.appendingPathComponent(name).path
    }

    /// `signers`: person ids to make signer-role client keys for (`signer-<person>`).
    init(signers: [String] = []) throws {
        directory = try TemporaryDirectory("cli-registry")
        keys = try TestKeys(signers: signers)
        let log = Log(service: "registry", level: .error, flushInterval: 0)
        let host = try ServiceHost(definition: RegistryDefinition(), databasePath: directory.file("registry.sqlite"),
                                   log: log)
        var configuration = ServerConfiguration(serviceName: "registry")
        configuration.shutdownGracePeriod = 1
        server = Server(configuration: configuration, keyring: try keys.keyring(), handler: host, log: log)
        port = try server.start()
    }

    /// A server with both shipped committees imported.
    static func seeded(signers: [String] = []) throws -> RegistryTestServer {
        let server = try RegistryTestServer(signers: signers)
        try server.importSeeds()
        return server
    }

    deinit {
        server.shutdown()
        directory.remove()
    }

    /// Runs `kansli ARGUMENTS` with the admin key, or with `credential`.
    @discardableResult
    func run(_ arguments: [String], as credential: ClientCredential? = nil) -> Run {
        let credential = credential ?? keys.admin
        let environment = ["KANSLI_REGISTRY": "127.0.0.1:\(port)", "KANSLI_KEY_ID": credential.keyID,
                           "KANSLI_SECRET": Hex.encode(credential.secret)]
        let (output, captured) = Output.capturing()
        // `execute` is `run` with CLIFailure's exit statuses and --json errors (KansliCommandLine+Failure.swift).
        let status = KansliCommandLine.run(arguments, environment: environment, output: output)
        let (out, err) = captured()
        return Run(status: status, out: out, err: err)
    }

    /// Runs `kansli registry ARGUMENTS`, splitting the words of `line` at spaces.
    @discardableResult
    func registry(_ line: String, as credential: ClientCredential? = nil) -> Run {
        run(["registry"] + line.split(separator: " ").map(String.init), as: credential)
    }

    /// Imports both shipped committees, NBE and GNS.
    func importSeeds() throws {
        for name in ["norrbotten-e-namnd.json", "jamtland-gns.json"] {
            let run = run(["registry", "import", Self.seed(name)])
            guard run.status == 0 else {
                throw Failure(description: "import \(name) exited \(run.status): \(run.err)")
            }
        }
    }

    /// The `--json` output of `kansli registry ARGUMENTS`, decoded.
    func json<Value: Decodable>(_ type: Value.Type, _ line: String) throws -> Value {
        let run = registry(line + " --json")
        guard run.status == 0 else { throw Failure(description: "\(line) exited \(run.status): \(run.err)") }
        return try JSONDecoder().decode(type, from: Data(run.out.utf8))
    }

    /// The `--json` output of `kansli registry ARGUMENTS` (words that may hold spaces), decoded.
    func json<Value: Decodable>(_ type: Value.Type, _ arguments: [String]) throws -> Value {
        let run = run(["registry"] + arguments + ["--json"])
        guard run.status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) exited \(run.status): \(run.err)")
        }
        return try JSONDecoder().decode(type, from: Data(run.out.utf8))
    }
}
