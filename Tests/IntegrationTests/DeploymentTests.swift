import Foundation
import KansliTestSupport
import Testing

/// The systemd units an operator installs from deploy/: `systemd-analyze verify` accepts each
/// without a warning (with ExecStart pointed at the built executables), and each carries the
/// hardening deploy/README.md promises.
@Suite("The systemd units of deploy/")
struct DeploymentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let services = ["registry", "finance", "documents"]

    static func unit(_ service: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("deploy/systemd/kansli-\(service).service"), encoding: .utf8)
    }

    @Test("each unit runs as its own user, restarts on failure, writes only its state directory, and drops every capability")
    func hardening() throws {
        for service in Self.services {
            let lines = Set(try Self.unit(service).split(separator: "\n").map(String.init))
            for expected in ["User=kansli", "Restart=on-failure", "ProtectSystem=strict", "StateDirectory=kansli/\(service)",
                             "ReadWritePaths=/var/lib/kansli/\(service)", "NoNewPrivileges=true", "PrivateTmp=true",
                             "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "EnvironmentFile=/etc/kansli/kansli.env"] {
                #expect(lines.contains(expected), "kansli-\(service).service: \(expected)")
            }
            #expect(!lines.contains { $0.contains("SIMULATED_CLOCK") || $0.contains("simulated-clock") }, "a deployment never runs a simulated clock")
        }
    }

    @Test("systemd-analyze verify passes on the three units with no warning")
    func systemdAnalyzeVerify() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else {
            Issue.record("systemd-analyze is needed for this test (apt-get install systemd)")
            return
        }
        let directory = try TemporaryDirectory("units")
        defer { directory.remove() }
        var paths: [String] = []
        for service in Self.services {
            let executable = "\(ServiceProcess.binDirectory)/kansli-\(service)"
            let text = try Self.unit(service).replacingOccurrences(of: "/usr/local/bin/kansli-\(service)", with: executable)
            let path = directory.file("kansli-\(service).service")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify"] + paths
        let err = Pipe()
        process.standardError = err
        process.standardOutput = err
        try process.run()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.isEmpty, "systemd-analyze warned: \(output)")
    }
}
