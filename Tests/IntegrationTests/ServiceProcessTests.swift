import Foundation
import KansliPlatform
import KansliProtocol
import KansliTestSupport
import KansliTransport
import Testing

/// The three executables as real processes on free ports.
@Suite("Service executables", .serialized)
struct ServiceProcessTests {
    @Test("registry, finance and documents start on free ports, answer health, and exit 0 on SIGTERM")
    func threeServicesStartAndStop() throws {
        let keys = try TestKeys()
        let services = try ["registry", "finance", "documents"].map { try ServiceProcess($0, keys: keys) }
        #expect(Set(services.map(\.port)).count == 3)
        for service in services {
            let health = try service.client().call(CommonMethods.health, HealthRequest())
            #expect(health.service == service.name)
            #expect(health.status == "ok")
        }
        for service in services {
            #expect(service.terminate() == 0, "kansli-\(service.name) log:\n\(service.logText)")
            #expect(!FileManager.default.fileExists(atPath: "\(service.dataDirectory)/\(service.name).ready"))
        }
    }

    @Test("the ready file and the log line report the port bound for --port 0")
    func readyFileAndLogLine() throws {
        let registry = try ServiceProcess("registry", logLevel: "info")
        defer { registry.terminate() }
        _ = try registry.client().call(CommonMethods.health, HealthRequest())
        let ready = try String(contentsOfFile: "\(registry.dataDirectory)/registry.ready", encoding: .utf8)
        #expect(ready.contains("port=\(registry.port)\n"))
        #expect(ready.contains("pid=\(registry.pid)\n"))
        registry.terminate()
        #expect(registry.logText.contains("event=ready port=\(registry.port)"))
    }

    @Test("a service key file others may read is refused at start with the chmod to run; a private one starts")
    func keyFilePermissions() throws {
        do {
            let exposed = try ServiceProcess("registry", keyFileMode: 0o644, timeout: 10)
            exposed.terminate()
            Issue.record("kansli-registry started with a key file others may read")
        } catch let error as ServiceError {
            #expect(error.message.contains("chmod 640"), "\(error.message)")
        }
        let private_ = try ServiceProcess("registry")
        #expect(private_.terminate() == 0)
    }

    @Test("a wrong secret is refused over the network; the stats count it")
    func authenticationFailure() throws {
        let registry = try ServiceProcess("registry")
        defer { registry.terminate() }
        let impostor = try ClientCredential(keyID: "test-admin", secret: [UInt8](repeating: 1, count: 32))
        do {
            _ = try registry.client(impostor).call(CommonMethods.health, HealthRequest())
            Issue.record("an impostor was let in")
        } catch {
            #expect(error.code == .unauthenticated)
        }
        #expect(try registry.client().call(CommonMethods.stats, Empty()).failedHandshakes == 1)
    }

    @Test("bad command-line input is refused with a message naming the option, exit 64")
    func badArguments() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(ServiceProcess.binDirectory)/kansli-registry")
        process.arguments = ["--port", "70000", "--data-dir", "/tmp/x", "--keys", "/tmp/none"]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 64)
        #expect(message.contains("--port"))
    }

    @Test("a service on a simulated clock warns at start, moves forward on clock.set and keeps its time across a kill -9")
    func simulatedClockAcrossKill() throws {
        let start = try #require(StockholmTime.parse("2022-06-01"))
        let documents = try ServiceProcess("documents", logLevel: "info", extraArguments: ["--simulated-clock", "2022-06-01"])
        let before = try documents.client().call(CommonMethods.clock, Empty())
        #expect(before.simulated)
        #expect(before.now >= start && before.now < start.adding(seconds: Int64(600)))
        let signing = try #require(StockholmTime.parse("2022-06-28T09:30"))
        _ = try documents.client().call(CommonMethods.clockSet, ClockSetRequest(to: signing))
        documents.killHard()
        #expect(documents.logText.contains("event=simulated_clock"), "\(documents.logText)")

        // Restarted on the same database with the same option: not back to June 1st.
        let again = try ServiceProcess("documents", keys: documents.keys, dataDirectory: documents.dataDirectory,
                                       extraArguments: ["--simulated-clock", "2022-06-01"])
        defer { again.terminate() }
        let after = try again.client().call(CommonMethods.clock, Empty())
        #expect(after.now >= signing && after.now < signing.adding(seconds: Int64(600)))
        // On the real clock a service refuses to be set.
        let real = try ServiceProcess("registry", keys: documents.keys)
        defer { real.terminate() }
        #expect(throws: ServiceError.self) { try real.client().call(CommonMethods.clockSet, ClockSetRequest(to: signing)) }
    }
}
