import Foundation
import KansliCrypto
import KansliTestSupport
import Testing

/// docs/PROTOCOL.md claims a client can be written in another language from the document alone.
/// `python/kansli_client.py` is such a client (standard library only, written from the document
/// without reading Kansli's Swift code); this runs its scenario against a real kansli-registry.
@Suite("Python client written from docs/PROTOCOL.md", .serialized)
struct PythonClientTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// python3 on PATH, if there is one.
    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test("the scenario passes: health, import, composition, idempotent replay, a structured validation error",
          .enabled(if: PythonClientTests.python3 != nil, "python3 is not on PATH: the Python client is not run"))
    func scenario() throws {
        let python3 = try #require(Self.python3)
        let registry = try ServiceProcess("registry")
        defer { registry.terminate() }

        // The admin's client secret as hex: the client derives the registry's secret from it
        // (§4.1); the server's key file holds only the derived one.
        let keyID = registry.keys.admin.keyID
        let secretHex = Hex.encode(registry.keys.admin.secret)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3)
        process.currentDirectoryURL = Self.packageRoot
        process.arguments = ["Tests/IntegrationTests/python/kansli_client.py",
                             "--host", "127.0.0.1", "--port", String(registry.port),
                             "--key-id", keyID, "--secret", secretHex,
                             "scenario", "deploy/seed-data/norrbotten-e-namnd.json"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let report = "stdout:\n\(stdout)\nstderr:\n\(stderr)\nserver log:\n\(registry.logText)"
        #expect(process.terminationStatus == 0, "kansli_client.py failed\n\(report)")

        // Under Boden's heading (`  Bodens kommun (boden)`), its ersättare line names Johan Johansson (MP).
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let boden = try #require(lines.firstIndex { $0.hasPrefix("  Boden") }, "no Boden in the output\n\(report)")
        let bodenLines = lines[(boden + 1)...].prefix { $0.hasPrefix("    ") }
        #expect(bodenLines.contains { $0.contains("ersättare") && $0.contains("Johan Johansson (MP)") },
                "Johan Johansson (MP) is not listed under Boden\n\(report)")
        #expect(bodenLines.contains { $0.contains("ledamöter") && $0.contains("Lena Goldkuhl (S)") })
        #expect(stdout.contains("code validation, field party.organisationNumber"))
    }

    @Test("its offline self-test agrees with every worked example in docs/PROTOCOL.md (frames, MACs, values)",
          .enabled(if: PythonClientTests.python3 != nil, "python3 is not on PATH: the Python client is not run"))
    func selfTest() throws {
        let output = try Python.run("""
            import runpy, sys
            sys.argv = ["kansli_client.py", "selftest"]
            runpy.run_path("\(Self.packageRoot.path)/Tests/IntegrationTests/python/kansli_client.py", run_name="__main__")
            """, input: [])
        #expect(String(decoding: output, as: UTF8.self).contains("every worked example of docs/PROTOCOL.md matches"))
    }
}
