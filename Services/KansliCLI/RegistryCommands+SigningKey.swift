import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry signing-key add|revoke|get|list`: members' and staff's public Ed25519 keys.
extension RegistryCommands {
    static let signingKeyArgument = PositionalSpec("key", help: "The key's id, e.g. robert-karlsson-key-1.")

    static var signingKeyGroup: CommandGroup {
        kind("signing-key", abstract: "Public Ed25519 keys that members and staff sign the minutes with.", [
            create("add", RegistryMethods.signingKeyAdd,
                   abstract: "Registers a person's public key; keys are never changed, only revoked.",
                   options: [newIDOption(example: "robert-karlsson-key-1"),
                             personOption("person", .required, help: "Whose key it is"),
                             OptionSpec("public-key", value: "hex", .required,
                                        help: "The 32-byte Ed25519 public key as 64 hexadecimal digits."),
                             dateOption("valid-from", help: "The first day signatures with the key count (today on the registry's clock when left out)."),
                             dateOption("valid-to", help: "The last day, if the key expires.")],
                   request: { context, committee in
                       let command = context.command
                       let publicKey = try command.string("public-key")
                       let digits = 2 * SigningKey.publicKeyByteCount
                       guard publicKey.utf8.count == digits, publicKey.allSatisfy(\.isHexDigit) else {
                           throw context.usageError("--public-key: expected \(digits) hexadecimal digits, got "
                                                        + "\"\(publicKey)\" (\(publicKey.count) characters)")
                       }
                       return SigningKeyAdd(
                           committee: committee, id: command.stringIfPresent("id"),
                           person: try context.requiredPerson("person", in: committee),
                           publicKey: publicKey, validFrom: try context.dateOrServiceToday("valid-from", service: "registry"),
                           validTo: try context.dateIfPresent("valid-to"))
                   },
                   confirm: { key, committee in
                       "Added signing key \(key.id) of \(key.person) in \(committee), valid \(RegistryText.span(key.validFrom, key.validTo))."
                   }),
            Subcommand(spec: CommandSpec(
                "revoke", abstract: "Revokes a key: signatures made with it from a given day on do not count.",
                options: [dateOption("on", .required, help: "The first day the key is no longer usable."),
                          OptionSpec("reason", value: "text", .required, help: "Why, e.g. \"lost device\".")],
                positionals: [committeeArgument, signingKeyArgument])) { context in
                let request = SigningKeyRevoke(committee: try context.committee, key: try context.recordID,
                                               revokedOn: try context.date("on"), reason: try context.command.string("reason"))
                try context.show(try context.registry(RegistryMethods.signingKeyRevoke, request)) {
                    "Revoked signing key \($0.id) of \(request.committee) from \(request.revokedOn): \(request.reason)."
                }
            },
            get(RegistryMethods.signingKeyGet, kind: "signing key", argument: signingKeyArgument) { key in
                RegistryText.fields([("id", key.id), ("person", key.person), ("public key", key.publicKey),
                                     ("valid", RegistryText.span(key.validFrom, key.validTo)),
                                     ("revoked on", RegistryText.date(key.revokedOn)), ("reason", key.revocationReason)])
            },
            list(RegistryMethods.signingKeyList, plural: "signing keys", filters: [.person, .on],
                 columns: signingKeyColumns, row: signingKeyRow),
        ])
    }

    static let signingKeyColumns = ["id", "person", "public key", "valid", "revoked on", "reason"]

    static func signingKeyRow(_ key: SigningKey) -> [String] {
        [key.id, key.person, RegistryText.keyPrefix(key.publicKey), RegistryText.span(key.validFrom, key.validTo),
         RegistryText.date(key.revokedOn), key.revocationReason ?? ""]
    }
}
