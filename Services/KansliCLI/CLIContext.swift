import Foundation
import KansliArguments
import KansliProtocol
import KansliTransport

/// What a command handler gets: the parsed command line, the environment, the output, and
/// clients for the services (created on first use, one per service).
public final class CLIContext {
    public let command: ParsedCommand
    public let environment: [String: String]
    public let output: Output
    private var clients: [String: ServiceClient] = [:]

    init(command: ParsedCommand, environment: [String: String], output: Output) {
        self.command = command
        self.environment = environment
        self.output = output
    }

    deinit {
        for client in clients.values { client.close() }
    }

    /// Whether to print JSON instead of text.
    public var json: Bool { command.flag("json") }

    /// The client for `service` (`registry`, `finance`, `documents`), from `--<service> host:port`
    /// (or `KANSLI_<SERVICE>`) and the credential from `--key-file`, `KANSLI_KEY_FILE`, or
    /// `KANSLI_KEY_ID` + `KANSLI_SECRET`.
    public func client(_ service: String) throws -> ServiceClient {
        if let client = clients[service] { return client }
        let address = try command.string(service)
        let (host, port) = try CLIContext.parseAddress(address, option: service)
        let credential: ClientCredential
        if let keyFile = command.stringIfPresent("key-file") {
            credential = try ClientCredential.load(path: keyFile)
        } else if let fromEnvironment = try ClientCredential.fromEnvironment(environment) {
            credential = fromEnvironment
        } else {
            throw ServiceError(.unauthenticated, "no credential: pass --key-file FILE, or set KANSLI_KEY_FILE, or KANSLI_KEY_ID and KANSLI_SECRET")
        }
        var options = ClientOptions()
        options.callTimeout = try command.double("timeout", in: 0.1...3600)
        options.expectedService = service
        let client = ServiceClient(host: host, port: port, credential: credential, options: options)
        clients[service] = client
        return client
    }

    /// Splits `host:port` (or `[v6]:port`), with an error naming the option.
    static func parseAddress(_ text: String, option: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port)
        else {
            throw ServiceError.validation("--\(option): expected host:port, got \"\(text)\"", field: option)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    /// Prints `value` as pretty JSON with sorted keys (for `--json`).
    public func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        output.line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
