import Foundation
import DocumentsService
import FinanceService
import KansliCrypto
import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import RegistryAPI
import RegistryService
import Testing

/// How the finance service reaches its peers in a test: directly into their handler stacks in
/// this process, or over TCP to real processes.
enum PeerTransportKind: String, CaseIterable, CustomTestStringConvertible {
    case inProcess = "in-process"
    case tcp = "TCP"

    var testDescription: String { rawValue }
}

/// Finance with real registry and documents services behind it, in-process or as processes.
final class FinanceWithPeers {
    let keys: TestKeys
    /// Calls finance as the admin key.
    let finance: ServiceClient
    private let processes: [ServiceProcess]
    private let directory: TemporaryDirectory
    private let hosts: [ServiceHost]

    init(_ kind: PeerTransportKind) throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("peers")
        self.keys = keys
        self.directory = directory
        switch kind {
        case .inProcess:
            let log = Log(service: "test", level: .error, flushInterval: 0)
            let registry = try ServiceHost(definition: RegistryDefinition(), databasePath: directory.file("r.sqlite"), log: log)
            let documents = try ServiceHost(definition: DocumentsDefinition(),
                                            databasePath: directory.file("d.sqlite"), log: log)
            // Finance calls its peers as the read key, like the deployed service with --peer-key-file.
            // Each peer checks the secret derived for it, as its own key file would.
            func client(_ host: ServiceHost) throws -> ServiceClient {
                ServiceClient(transport: try InProcessTransport(
                    handler: host, service: host.serviceName, keyring: try keys.keyring(forService: host.serviceName),
                    credential: keys.reader))
            }
            let peers = Peers(names: FinanceDefinition().peers,
                              clients: ["registry": try client(registry), "documents": try client(documents)], timeout: 4)
            let financeHost = try ServiceHost(definition: FinanceDefinition(), databasePath: directory.file("f.sqlite"),
                                              log: log, peers: peers)
            finance = ServiceClient(transport: InProcessTransport(handler: financeHost, keyID: keys.admin.keyID, role: .admin))
            hosts = [registry, documents, financeHost]
            processes = []
        case .tcp:
            let registry = try ServiceProcess("registry", keys: keys)
            let documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
                keys, directory: directory, addresses: ["registry": registry.port]))
            let financeProcess = try ServiceProcess("finance", keys: keys, extraArguments: try ServiceProcess.peerArguments(
                keys, directory: directory, addresses: ["registry": registry.port, "documents": documents.port]))
            finance = financeProcess.client()
            processes = [registry, documents, financeProcess]
            hosts = []
        }
    }

    deinit {
        finance.close()
        for process in processes.reversed() { process.terminate() }
        directory.remove()
    }

    /// The running processes by name (TCP only).
    func process(_ name: String) -> ServiceProcess? { processes.first { $0.name == name } }

}

@Suite("Services calling their peers", .serialized)
struct PeerCallTests {
    @Test("finance reaches the registry and documents as their client, with its own key, and health says so",
          arguments: PeerTransportKind.allCases)
    func financeReachesItsPeers(_ kind: PeerTransportKind) throws {
        let setup = try FinanceWithPeers(kind)
        let health = try setup.finance.call(CommonMethods.health, HealthRequest(peers: true))
        #expect(health.service == "finance")
        #expect(health.status == "ok")
        #expect(health.peers?.map(\.service) == ["registry", "documents"])
        #expect(health.peers?.allSatisfy { $0.status == "ok" } == true, "\(health.peers ?? [])")
        // Asked without peers, finance asks no one.
        #expect(try setup.finance.call(CommonMethods.health, HealthRequest()).peers == nil)
    }

    @Test("a registry that hangs or is killed: finance answers degraded within its peer timeout, and recovers when it answers again")
    func peerHangsAndDies() throws {
        let setup = try FinanceWithPeers(.tcp)
        guard let registry = setup.process("registry") else { return }
        func registryLink() throws -> PeerHealth? {
            let health = try setup.finance.call(CommonMethods.health, HealthRequest(peers: true), timeout: 10)
            #expect(health.peers?.first { $0.service == "documents" }?.status == "ok")
            #expect(health.status == (health.peers?.allSatisfy { $0.status == "ok" } == true ? "ok" : "degraded"))
            return health.peers?.first { $0.service == "registry" }
        }
        // Stopped, it accepts connections (the kernel does) but never answers: the peer deadline
        // (2 s) ends finance's wait, well within the client's 10 s.
        kill(registry.pid, SIGSTOP)
        let hung = try registryLink()
        #expect(hung?.status == "unavailable")
        #expect(hung?.address == "127.0.0.1:\(registry.port)")
        kill(registry.pid, SIGCONT)
        #expect(try registryLink()?.status == "ok")
        // Killed, nothing listens: unavailable at once.
        registry.killHard()
        #expect(try registryLink()?.status == "unavailable")
    }

    @Test("SIGHUP re-reads the key file: an added key works, a removed key stops, a broken file changes nothing")
    func keysReloadOnHangUp() throws {
        let keys = try TestKeys()
        let registry = try ServiceProcess("registry", keys: keys, logLevel: "info")
        defer { registry.terminate() }
        let keyFile = "\(registry.dataDirectory)/server-keys"
        let late = try ClientCredential(keyID: "late-key", secret: SecureRandom.bytes(32))
        func works(_ credential: ClientCredential) -> Bool {
            (try? registry.client(credential).call(CommonMethods.health, HealthRequest(), timeout: 2)) != nil
        }
        /// Replaces the key file with `text`, private to its owner as a service requires.
        func writeKeys(_ text: String) throws {
            try text.write(toFile: keyFile, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        }
        /// Waits (at most 10 s) until `condition` holds: the reload happens on the service's own time.
        func eventually(_ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if condition() { return true }
                usleep(20_000)
            }
            return false
        }
        #expect(!works(late))
        let original = try String(contentsOfFile: keyFile, encoding: .utf8)
        try writeKeys(original + "late-key read \(Hex.encode(late.secret(forService: "registry")))\n")
        kill(registry.pid, SIGHUP)
        #expect(eventually { works(late) }, "the added key was not accepted after SIGHUP")
        // A broken file is refused whole: the keys in use stay.
        try writeKeys("this is not a key file\n")
        kill(registry.pid, SIGHUP)
        #expect(eventually { registry.logText.contains("event=keys_reload_failed") })
        #expect(works(late) && works(keys.admin))
        // Removing the key: new connections with it are refused.
        try writeKeys(original)
        kill(registry.pid, SIGHUP)
        #expect(eventually { !works(late) }, "the removed key still opened connections after SIGHUP")
        #expect(works(keys.admin))
    }
}
