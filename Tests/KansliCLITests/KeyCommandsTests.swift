import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import Testing
@testable import KansliCLI

@Suite("kansli keys")
struct KeyCommandsTests {
    static func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let (output, captured) = Output.capturing()
        let status = KansliCommandLine.run(arguments, environment: [:], output: output)
        let (out, err) = captured()
        return (status, out, err)
    }

    @Test("generate prints a client key file; server-line derives each service's secret from it")
    func generateAndServerLine() throws {
        let generated = Self.run(["keys", "generate", "--id", "secretary"])
        #expect(generated.status == 0, "\(generated.err)")
        let directory = try TemporaryDirectory("cli-keys")
        defer { directory.remove() }
        let path = directory.file("secretary.key")
        try generated.out.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let credential = try ClientCredential.load(path: path)
        #expect(credential.keyID == "secretary")

        var lines: [String: String] = [:]
        for service in ["registry", "finance", "documents"] {
            let printed = Self.run(["keys", "server-line", "--service", service, "--role", "write", "--client-key", path])
            #expect(printed.status == 0, "\(printed.err)")
            lines[service] = printed.out.trimmingCharacters(in: .newlines)
            let keyring = try Keyring.parse(lines[service]!, source: service)
            #expect(keyring.entry(for: "secretary")?.role == .write)
            #expect(keyring.entry(for: "secretary")?.accepts(secret: credential.secret(forService: service)) == true)
            // The line holds no client secret.
            #expect(!printed.out.contains(String(generated.out.split(separator: " ").last ?? "").trimmingCharacters(in: .newlines)))
        }
        #expect(Set(lines.values).count == 3)
    }

    @Test("a client key file others can read is refused with the chmod to run")
    func exposedClientKeyIsRefused() throws {
        let directory = try TemporaryDirectory("cli-keys")
        defer { directory.remove() }
        let path = directory.file("open.key")
        try "open \(String(repeating: "ab", count: 32))\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let printed = Self.run(["keys", "server-line", "--service", "registry", "--role", "read", "--client-key", path])
        #expect(printed.status != 0)
        #expect(printed.err.contains("chmod 600 \(path)"))
    }
}
