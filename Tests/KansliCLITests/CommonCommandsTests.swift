import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import Testing
@testable import KansliCLI

/// The CLI against real in-process servers of the three services.
@Suite("kansli health, stats, audit", .serialized)
struct CommonCommandsTests {
    @Test("--help prints the command tree and exits 0")
    func help() {
        let (output, captured) = Output.capturing()
        #expect(KansliCommandLine.run(["--help"], environment: [:], output: output) == 0)
        #expect(captured().out.contains("health"))
        #expect(captured().out.contains("registry"))
    }

    @Test("an unknown command exits 64 and names it")
    func unknownCommand() {
        let (output, captured) = Output.capturing()
        #expect(KansliCommandLine.run(["helth"], environment: [:], output: output) == 64)
        #expect(captured().err.contains("helth"))
    }

    @Test("a malformed address is refused naming the option")
    func badAddress() {
        let (output, captured) = Output.capturing()
        let status = KansliCommandLine.run(["stats", "registry", "--registry", "nohost"],
                                           environment: ["KANSLI_KEY_ID": "k", "KANSLI_SECRET": String(repeating: "ab", count: 32)],
                                           output: output)
        #expect(status == 1)
        #expect(captured().err.contains("--registry"))
    }

    @Test("health with nothing listening reports the services down and exits 69")
    func healthWhenDown() throws {
        let (output, captured) = Output.capturing()
        let environment = ["KANSLI_KEY_ID": "k", "KANSLI_SECRET": String(repeating: "ab", count: 32),
                           "KANSLI_REGISTRY": "127.0.0.1:1", "KANSLI_FINANCE": "127.0.0.1:1", "KANSLI_DOCUMENTS": "127.0.0.1:1"]
        #expect(KansliCommandLine.run(["health", "--timeout", "1"], environment: environment, output: output) == 69)
        #expect(captured().out.contains("DOWN"))
    }
}
