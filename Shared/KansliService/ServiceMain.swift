import Dispatch
import Glibc
import KansliArguments
import KansliPlatform
import KansliProtocol
import KansliTransport

/// The entry point every service executable calls: parses the command line, opens the database,
/// starts the server, writes the ready file, and on SIGTERM or SIGINT shuts down gracefully
/// (requests in flight finish) and exits 0.
public enum ServiceMain {
    /// The ports the services listen on unless told otherwise; a peer's address defaults to
    /// this host and its standard port.
    public static let standardPorts = ["registry": 7401, "finance": 7402, "documents": 7403]

    /// The options that configure the peers of a service (none for a service without peers).
    static func peerOptions(name: String, peers: [String]) -> [OptionSpec] {
        guard !peers.isEmpty else { return [] }
        let prefix = "KANSLI_\(name.uppercased())_"
        return peers.map { peer in
            OptionSpec("\(peer)-address", value: "host:port",
                       .defaulted("127.0.0.1:\(standardPorts[peer] ?? 0)"), environment: "KANSLI_\(peer.uppercased())_ADDRESS",
                       help: "Where the \(peer) service listens; this service calls it.")
        } + [
            OptionSpec("peer-key-file", value: "file", .optional, environment: prefix + "PEER_KEY_FILE",
                       help: "This service's own client key (`key-id secret-hex`) for calling \(peers.joined(separator: " and ")); without it those calls answer `unavailable`. SIGHUP re-reads it."),
            OptionSpec("peer-timeout", value: "seconds", .defaulted(String(Int(Peers.defaultTimeout))),
                       environment: "KANSLI_PEER_TIMEOUT",
                       help: "All calls to peers made for one request finish within this many seconds (less than a client's 10 s deadline), or the request answers `unavailable`."),
        ]
    }

    /// The command line of a service named `name` that calls `peers`, listening on `defaultPort`
    /// unless told otherwise.
    public static func commandSpec(name: String, defaultPort: Int, peers: [String] = []) -> CommandSpec {
        let prefix = "KANSLI_\(name.uppercased())_"
        return CommandSpec(
            "kansli-\(name)", abstract: "Runs the Kansli \(name) service.",
            discussion: """
                Listens for Kansli's binary protocol (docs/PROTOCOL.md). With --port 0 it binds a
                free port and reports it in a log line and in <data-dir>/\(name).ready.
                SIGTERM or SIGINT: stop accepting, finish requests in flight, exit 0.
                SIGHUP: re-read the key file (and the peer key file), keeping the old keys if the
                new file is refused.
                """,
            options: [
                OptionSpec("host", value: "address", .defaulted("127.0.0.1"), environment: prefix + "HOST",
                           help: "Address to listen on (use a WireGuard or SSH tunnel between hosts)."),
                OptionSpec("port", value: "port", .defaulted(String(defaultPort)), environment: prefix + "PORT",
                           help: "TCP port; 0 picks a free one."),
                OptionSpec("data-dir", value: "dir", .required, environment: prefix + "DATA_DIR",
                           help: "Directory for the database, the ready file and nothing else."),
                OptionSpec("keys", value: "file", .required, environment: prefix + "KEYS",
                           help: "Server key file: lines of `key-id role secret-hex [second-secret-hex]`. SIGHUP re-reads it."),
                OptionSpec("log-level", value: "level", .defaulted("info"), environment: "KANSLI_LOG_LEVEL",
                           help: "debug, info, warning or error."),
                OptionSpec("max-connections", value: "count", .defaulted("1024"),
                           help: "Connections served at once; more are refused with `unavailable`."),
                OptionSpec("idle-timeout", value: "seconds", .defaulted("300"),
                           help: "Close a connection after this long without a request."),
                OptionSpec("read-timeout", value: "seconds", .defaulted("15"),
                           help: "Close a connection that stalls this long in the middle of a frame."),
                OptionSpec("simulated-clock", value: "time", .optional, environment: "KANSLI_SIMULATED_CLOCK",
                           help: "For demos and tests only: run on a simulated clock that starts at this time (`2022-06-01`, `2022-06-28T09:30` Europe/Stockholm, or `now`) unless an earlier run left it later; `kansli clock set` moves it forward. Timeouts keep the real clock."),
            ] + peerOptions(name: name, peers: peers))
    }

    /// Runs the service described by `definition` until SIGTERM/SIGINT. Never returns.
    public static func run<Definition: ServiceDefinition>(_ definition: Definition, defaultPort: Int) -> Never {
        let name = Definition.serviceName
        let parsed: ParsedCommand
        do {
            switch try commandSpec(name: name, defaultPort: defaultPort, peers: definition.peers)
                .parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.current()) {
            case .helpRequested(let text):
                writeAll(text + "\n", to: 1)
                exit(0)
            case .command(let command):
                parsed = command
            }
        } catch {
            writeAll(error.report + "\n", to: 2)
            exit(64)
        }

        do {
            let logLevelName = try parsed.string("log-level")
            guard let level = Log.Level(name: logLevelName) else {
                throw ServiceSetupError("--log-level: expected debug, info, warning or error, got \"\(logLevelName)\"")
            }
            let log = Log(service: name, level: level)
            var configuration = ServerConfiguration(serviceName: name)
            configuration.host = try parsed.string("host")
            configuration.port = try parsed.int("port", in: 0...65535)
            configuration.maxConnections = try parsed.int("max-connections", in: 1...100_000)
            configuration.idleTimeout = try parsed.double("idle-timeout", in: 0.1...86_400)
            configuration.readTimeout = try parsed.double("read-timeout", in: 0.1...3_600)
            let dataDirectory = try parsed.string("data-dir")
            try FileSystem.createDirectories(dataDirectory)
            let keyPath = try parsed.string("keys")
            let keyring = try Keyring.load(path: keyPath)
            let peerSetup = try PeerSetup(parsed, peers: definition.peers)
            let peers = Peers(names: definition.peers, configurations: try peerSetup.configurations(), timeout: peerSetup.timeout)
            if !definition.peers.isEmpty && peerSetup.keyFile == nil {
                log.warning("peers_not_configured", ["peers": definition.peers.joined(separator: ","),
                                                      "advice": "set --peer-key-file: calls to peers answer unavailable"])
            }
            let clockStart = try simulatedClockStart(parsed)
            if let clockStart {
                log.warning("simulated_clock", ["start": clockStart.iso8601(.milliseconds),
                                                "advice": "for demos and tests only: dates this service records follow a clock that clock.set moves"])
            }
            let host = try ServiceHost(definition: definition, databasePath: "\(dataDirectory)/\(name).sqlite", log: log,
                                       peers: peers, clock: ServiceClock(simulated: clockStart != nil),
                                       clockStart: clockStart)
            let server = Server(configuration: configuration, keyring: keyring, handler: host, log: log)
            host.attach { server.transportStatistics }
            let port = try server.start()
            let readyFile = "\(dataDirectory)/\(name).ready"
            try writeAtomically("port=\(port)\npid=\(getpid())\n", to: readyFile)
            log.info("ready", ["port": String(port), "keys": String(keyring.count), "database": "\(dataDirectory)/\(name).sqlite"])
            log.flush()

            let reload = onHangUp {
                reloadKeys(keyPath: keyPath, server: server, peerSetup: peerSetup, peers: peers, log: log)
            }
            waitForTermination()
            reload.cancel()
            log.info("shutting_down")
            server.shutdown()
            peers.close()
            _ = try? FileSystem.removeFile(readyFile)
            log.close()
            exit(0)
        } catch let error as ArgumentError {
            writeAll(error.report, to: 2)
            exit(64)
        } catch {
            writeAll("kansli-\(name): cannot start: \(error)\n", to: 2)
            exit(1)
        }
    }

    /// The start of the simulated clock `--simulated-clock` asks for, or nil for the real clock.
    static func simulatedClockStart(_ parsed: ParsedCommand) throws -> Timestamp? {
        guard let text = parsed.stringIfPresent("simulated-clock") else { return nil }
        if text == "now" { return Timestamp.now() }
        guard let start = StockholmTime.parse(text) else {
            throw ServiceSetupError("--simulated-clock: expected a date (2022-06-01), a Stockholm time (2022-06-28T09:30) or now, got \"\(ServiceError.quote(text))\"")
        }
        return start
    }

    /// Re-reads the server key file and the peer key file. A file that is refused leaves the
    /// keys in use as they were, and says so in the log.
    static func reloadKeys(keyPath: String, server: Server, peerSetup: PeerSetup, peers: Peers, log: Log) {
        do {
            let keyring = try Keyring.load(path: keyPath)
            let configurations = try peerSetup.configurations()
            let closed = server.replaceKeyring(keyring)
            peers.replace(configurations)
            log.info("keys_reloaded", ["keys": String(keyring.count), "path": keyPath,
                                       "closed_connections": String(closed)])
        } catch {
            log.error("keys_reload_failed", ["error": "\(error)", "advice": "the keys in use are unchanged; fix the file and send SIGHUP again"])
        }
        log.flush()
    }

    /// Calls `body` on a background queue each time SIGHUP arrives, until the source is cancelled.
    static func onHangUp(_ body: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "kansli.sighup"))
        source.setEventHandler(handler: body)
        source.resume()
        return source
    }


    /// Blocks until SIGTERM or SIGINT arrives.
    private static func waitForTermination() {
        let semaphore = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { semaphore.signal() }
            source.resume()
            sources.append(source)
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
    }

    /// Writes `text` to a temporary file beside `path`, syncs it and renames it over `path`, so
    /// a reader never sees a half-written file.
    static func writeAtomically(_ text: String, to path: String) throws {
        try FileSystem.writeFileAtomically(path, Array(text.utf8))
    }

    /// Writes `text` whole to the file descriptor `fd` (standard output or error), retrying
    /// short writes and EINTR; a failure is ignored (there is nowhere left to report it).
    static func writeAll(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// A failure while starting a service, with a message for the operator.
struct ServiceSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
