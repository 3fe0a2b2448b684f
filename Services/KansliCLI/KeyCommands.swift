import KansliArguments
import KansliCrypto
import KansliProtocol
import KansliTransport

/// `kansli keys …`: makes keys without talking to any service.
///
/// A client key is one secret (`generate` prints its key file); each service holds only the
/// secret derived from it for that service (`server-line` prints that service's key-file line),
/// so one service's key file opens no other. deploy/README.md describes the provisioning.
enum KeyCommands {
    static var groups: [CommandGroup] {
        let generate = CommandSpec(
            "generate", abstract: "Prints a new client key file: one line `key-id secret-hex` with 32 random bytes.",
            discussion: """
                Write it to a file only its owner can read: `umask 077; kansli keys generate
                --id secretary > secretary.key`. Then give each service its line with
                `kansli keys server-line`.
                """,
            options: [OptionSpec("id", value: "key-id", .required, help: "The key id: 1-64 printable ASCII characters, no space or #.")])
        let serverLine = CommandSpec(
            "server-line", abstract: "Prints a service's key-file line for a client key: `key-id role service-secret-hex`.",
            discussion: """
                The line holds the secret derived for that service alone (HKDF of the client's
                secret with the service's name), never the client's secret. Give --client-key
                twice (the old and the new key file of one key id) to print a line with both
                secrets, for a rotation.
                """,
            options: [
                OptionSpec("service", value: "name", .required, help: "registry, finance or documents."),
                OptionSpec("role", value: "role", .required, help: "read, write, admin or signer."),
                OptionSpec("client-key", value: "file", .oneOrMore, help: "The client key file (mode 600); twice during a rotation."),
            ])
        let spec = CommandSpec("keys", abstract: "Makes client key files and the services' key-file lines (talks to no service).",
                               subcommands: [generate, serverLine])
        return [CommandGroup(spec: spec, handlers: [["keys", "generate"]: generateKey, ["keys", "server-line"]: printServerLine])]
    }

    static func generateKey(_ context: CLIContext) throws {
        let credential = try ClientCredential(keyID: try context.command.string("id"), secret: SecureRandom.bytes(32))
        context.output.line(credential.keyFileText.trimmingSuffixNewline)
    }

    static func printServerLine(_ context: CLIContext) throws {
        let service = try context.command.string("service")
        guard Handshake.isValid(serviceName: service) else {
            throw ServiceError.validation("--service: \(ServiceError.quote(service)) is not a service name (registry, finance, documents)", field: "service")
        }
        let roleName = try context.command.string("role")
        guard let role = Role(rawValue: roleName) else {
            throw ServiceError.validation("--role: expected \(Role.allCases.map(\.rawValue).joined(separator: ", ")), got \(ServiceError.quote(roleName))", field: "role")
        }
        let credentials = try context.command.strings("client-key").map { try ClientCredential.load(path: $0) }
        guard credentials.count <= 2 else {
            throw ServiceError.validation("--client-key: at most two (the old and the new secret of one key)", field: "client-key")
        }
        guard Set(credentials.map(\.keyID)).count == 1 else {
            throw ServiceError.validation("--client-key: both files must hold the same key id, got \(credentials.map(\.keyID).joined(separator: " and "))", field: "client-key")
        }
        let secrets = credentials.map { Hex.encode($0.secret(forService: service)) }
        context.output.line("\(credentials[0].keyID) \(role.rawValue) \(secrets.joined(separator: " "))")
    }
}

private extension String {
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
