import Dispatch
import Foundation
import KansliArguments
import KansliTransport

/// The entry point every service executable calls: parses the command line, opens the database,
/// starts the server, writes the ready file, and on SIGTERM or SIGINT shuts down gracefully
/// (requests in flight finish) and exits 0.
public enum ServiceMain {
    /// The command line of a service named `name`, listening on `defaultPort` unless told otherwise.
    public static func commandSpec(name: String, defaultPort: Int) -> CommandSpec {
        let prefix = "KANSLI_\(name.uppercased())_"
        return CommandSpec(
            "kansli-\(name)", abstract: "Runs the Kansli \(name) service.",
            discussion: """
                Listens for Kansli's binary protocol (docs/PROTOCOL.md). With --port 0 it binds a
                free port and reports it in a log line and in <data-dir>/\(name).ready.
                SIGTERM or SIGINT: stop accepting, finish requests in flight, exit 0.
                """,
            options: [
                OptionSpec("host", value: "address", .defaulted("127.0.0.1"), environment: prefix + "HOST",
                           help: "Address to listen on (use a WireGuard or SSH tunnel between hosts)."),
                OptionSpec("port", value: "port", .defaulted(String(defaultPort)), environment: prefix + "PORT",
                           help: "TCP port; 0 picks a free one."),
                OptionSpec("data-dir", value: "dir", .required, environment: prefix + "DATA_DIR",
                           help: "Directory for the database, the ready file and nothing else."),
                OptionSpec("keys", value: "file", .required, environment: "KANSLI_SERVER_KEYS",
                           help: "Server key file: lines of `key-id role secret-hex [second-secret-hex]`."),
                OptionSpec("log-level", value: "level", .defaulted("info"), environment: "KANSLI_LOG_LEVEL",
                           help: "debug, info, warning or error."),
                OptionSpec("max-connections", value: "count", .defaulted("1024"),
                           help: "Connections served at once; more are refused with `unavailable`."),
                OptionSpec("idle-timeout", value: "seconds", .defaulted("300"),
                           help: "Close a connection after this long without a request."),
                OptionSpec("read-timeout", value: "seconds", .defaulted("15"),
                           help: "Close a connection that stalls this long in the middle of a frame."),
            ])
    }

    /// Runs the service described by `definition` until SIGTERM/SIGINT. Never returns.
    public static func run<Definition: ServiceDefinition>(_ definition: Definition, defaultPort: Int) -> Never {
        let name = Definition.serviceName
        let parsed: ParsedCommand
        do {
            switch try commandSpec(name: name, defaultPort: defaultPort)
                .parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment) {
            case .helpRequested(let text):
                print(text)
                exit(0)
            case .command(let command):
                parsed = command
            }
        } catch {
            FileHandle.standardError.write(Data((error.report + "\n").utf8))
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
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let keyPath = try parsed.string("keys")
            let keyring = try Keyring.load(path: keyPath)
            warnIfReadableByOthers(keyPath, log: log)
            let host = try ServiceHost(definition: definition, databasePath: "\(dataDirectory)/\(name).sqlite", log: log)
            let server = Server(configuration: configuration, keyring: keyring, handler: host, log: log)
            host.attach { server.transportStatistics }
            let port = try server.start()
            let readyFile = "\(dataDirectory)/\(name).ready"
            try writeAtomically("port=\(port)\npid=\(getpid())\n", to: readyFile)
            log.info("ready", ["port": String(port), "keys": String(keyring.count), "database": "\(dataDirectory)/\(name).sqlite"])
            log.flush()

            waitForTermination()
            log.info("shutting_down")
            server.shutdown()
            try? FileManager.default.removeItem(atPath: readyFile)
            log.close()
            exit(0)
        } catch let error as ArgumentError {
            FileHandle.standardError.write(Data(error.report.utf8))
            exit(64)
        } catch {
            FileHandle.standardError.write(Data("kansli-\(name): cannot start: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Logs a warning when others can read the server key file or its group can write it: it holds
    /// every client's secret. (`root:kansli 0640`, as deploy/README.md installs it, is fine.)
    static func warnIfReadableByOthers(_ path: String, log: Log) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        if status.st_mode & 0o027 != 0 {
            log.warning("key_file_permissions", ["path": path, "mode": String(status.st_mode & 0o777, radix: 8),
                                                 "advice": "chmod 600 or 640: the file holds every client's secret"])
        }
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

    /// Writes `text` to a temporary file beside `path` and renames it over `path`, so a reader
    /// never sees a half-written file.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw ServiceSetupError("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A failure while starting a service, with a message for the operator.
struct ServiceSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
