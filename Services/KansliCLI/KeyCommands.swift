import KansliArguments
import KansliCrypto
import KansliProtocol
import KansliTransport
import RegistryAPI

/// `kansli keys …`: makes keys without talking to any service.
///
/// A client key is one secret (`generate` prints its key file); each service holds only the
/// secret derived from it for that service (`server-line` prints that service's key-file line),
/// so one service's key file opens no other. deploy/README.md describes the provisioning.
enum KeyCommands {
    static var groups: [CommandGroup] {
        let generate = CommandSpec(
            "generate", abstract: "Prints a new client key file (--id), or makes a member's signing key pair (--signing).",
            discussion: """
                A client key: write it to a file only its owner can read: `umask 077; kansli
                keys generate --id secretary > secretary.key`. Then give each service its line
                with `kansli keys server-line`.

                A member's signing key: `kansli keys generate --signing ~/.kansli/signing.pem`
                writes a new Ed25519 private key (PKCS #8 PEM, mode 600) that never leaves the
                member's machine, and prints the public key for the secretary to register with
                `kansli registry signing-key add`.
                """,
            options: [OptionSpec("id", value: "key-id", help: "A client key: its id, 1-64 printable ASCII characters, no space or #."),
                      OptionSpec("signing", value: "file", help: "A signing key pair: the new private key file to write.")])
        let check = CommandSpec(
            "check", abstract: "Says whether a signing key file matches a key the registry holds for its person.",
            discussion: """
                With a signer client key (--key-file), the person is the one that key is mapped
                to; otherwise name them with --committee and --person.
                """,
            options: [OptionSpec("committee", value: "code", help: "The committee, with --person."),
                      OptionSpec("person", value: "id", help: "Whose key it should be."),
                      OptionSpec("on", value: "yyyy-MM-dd", help: "The day it must be usable (today when left out).")],
            positionals: [PositionalSpec("file", help: "The signing key file (PKCS #8 PEM).")])
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
                               subcommands: [generate, serverLine, check])
        return [CommandGroup(spec: spec, handlers: [["keys", "generate"]: generateKey, ["keys", "server-line"]: printServerLine,
                                                    ["keys", "check"]: checkSigningKey])]
    }

    static func generateKey(_ context: CLIContext) throws {
        switch (context.command.stringIfPresent("id"), context.command.stringIfPresent("signing")) {
        case (let id?, nil):
            let credential = try ClientCredential(keyID: id, secret: SecureRandom.bytes(32))
            context.output.line(credential.keyFileText.trimmingSuffixNewline)
        case (nil, let path?):
            let key = Ed25519.PrivateKey.generate()
            try SigningKeyFile.write(key, to: path)
            let publicKey = Hex.encode(key.publicKey.bytes)
            if context.json { return try context.printJSON(["file": path, "publicKey": publicKey]) }
            context.output.line("""
                Wrote a new Ed25519 signing key to \(path) (mode 600; keep it, and never send it to anyone).
                Public key: \(publicKey)
                The secretary registers it: kansli registry signing-key add COMMITTEE --person YOU --public-key \(publicKey)
                """)
        default:
            throw context.usageError("give --id for a client key or --signing FILE for a signing key pair", code: .missingOption)
        }
    }

    /// `keys check FILE`: the key file's public key against the registry's keys for its person.
    static func checkSigningKey(_ context: CLIContext) throws {
        let path = try context.command.positional(0)
        let key = try SigningKeyFile.load(path: path)
        let publicKey = Hex.encode(key.publicKey.bytes)
        let day = try context.dateOrServiceToday("on", service: "registry")
        let registry = try context.client("registry")
        let keys: [SigningKey], who: String
        if let committee = context.command.stringIfPresent("committee"), let person = context.command.stringIfPresent("person") {
            keys = try registry.call(RegistryMethods.signingKeyList, ListRequest(committee: committee, person: person))
            who = "\(committee)/\(person)"
        } else {
            let identity = try registry.call(RegistryMethods.signerGet, SignerQuery(keyID: "", on: day))
            keys = try registry.call(RegistryMethods.signingKeyList, ListRequest(committee: identity.client.committee, person: identity.client.person))
            who = "\(identity.name) (\(identity.client.committee)/\(identity.client.person))"
        }
        guard let match = keys.first(where: { $0.publicKey.lowercased() == publicKey }) else {
            throw LocalFailure(.verification, "\(path) (public key \(publicKey.prefix(16))…) matches none of the \(keys.count) signing keys the registry holds for \(who)")
        }
        guard match.isUsable(on: day) else {
            throw LocalFailure(.verification, "\(path) is key \(match.id) of \(who), but it is not usable on \(day) (valid \(RegistryText.span(match.validFrom, match.validTo))\(match.revokedOn.map { ", revoked \($0)" } ?? ""))")
        }
        context.output.line("\(path) is key \(match.id) of \(who), usable on \(day) (valid \(RegistryText.span(match.validFrom, match.validTo))).")
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
