import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry signer map|unmap|get|list`: which person each signer-role client key is.
extension RegistryCommands {
    static let signerKeyArgument = PositionalSpec("key-id", help: "The signer's client key id, e.g. signer-isak-utsi.")

    static var signerGroup: CommandGroup {
        kind("signer", abstract: "Signer-role client keys and the person each belongs to (the secretary and members who sign).", [
            Subcommand(spec: CommandSpec(
                "map", abstract: "Maps a signer-role client key to its person (admin key).",
                options: [personOption("person", .required, help: "Whose key it is")],
                positionals: [committeeArgument, signerKeyArgument])) { context in
                let committee = try context.committee
                let request = SignerMap(committee: committee, keyID: try context.recordID,
                                        person: try context.requiredPerson("person", in: committee))
                try context.show(try context.registry(RegistryMethods.signerMap, request)) {
                    "Mapped key \($0.keyID) to \($0.committee)/\($0.person)."
                }
            },
            Subcommand(spec: CommandSpec(
                "unmap", abstract: "Removes a signer key's mapping (admin key); remove the key from the key files too.",
                positionals: [signerKeyArgument])) { context in
                let request = SignerRef(keyID: try context.command.positional(0))
                try context.show(try context.registry(RegistryMethods.signerUnmap, request)) {
                    "Unmapped key \($0.keyID) (it was \($0.committee)/\($0.person))."
                }
            },
            Subcommand(spec: CommandSpec(
                "get", abstract: "Who a signer key is, with the signing keys usable on a day.",
                options: [dateOption("on", help: "The day (yyyy-MM-dd); today if left out.")],
                positionals: [signerKeyArgument])) { context in
                let request = SignerQuery(keyID: try context.command.positional(0), on: try context.dateOrToday("on"))
                try context.show(try context.registry(RegistryMethods.signerGet, request)) { identity in
                    RegistryText.fields([("key id", identity.client.keyID), ("committee", identity.client.committee),
                                         ("person", identity.client.person), ("name", identity.name),
                                         ("mapped on", RegistryText.date(identity.client.mappedOn)),
                                         ("signing keys", identity.signingKeys.map(\.id).joined(separator: ", "))])
                }
            },
            Subcommand(spec: CommandSpec(
                "list", abstract: "The signer keys mapped to persons of a committee.",
                positionals: [committeeArgument])) { context in
                let clients = try context.registry(RegistryMethods.signerList, CommitteeRef(committee: try context.committee))
                try context.show(clients) { clients in
                    var table = TextTable(["key id", "person", "mapped on"])
                    for client in clients { table.add([client.keyID, client.person, RegistryText.date(client.mappedOn)]) }
                    return clients.isEmpty ? "No signer keys are mapped." : table.render()
                }
            },
        ])
    }
}
