import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry pairing list|get|create|update|end`: which ersättare stands in for whom.
extension RegistryCommands {
    static let pairingArgument = PositionalSpec("pairing", help: "The pairing's id, e.g. johan-johansson-for-lena-goldkuhl.")

    static var pairingGroup: CommandGroup {
        kind("pairing", abstract: "Pairings: an ersättare's ledamot, or their place in the order of service.", [
            list(RegistryMethods.pairingList, plural: "pairings", filters: [.on, .party],
                 columns: pairingColumns, row: pairingRow),
            get(RegistryMethods.pairingGet, kind: "pairing", argument: pairingArgument) { pairing in
                RegistryText.fields([("id", pairing.id), ("ersättare", pairing.substitute),
                                     ("stands in", RegistryText.pairingTarget(pairing)),
                                     ("days", RegistryText.span(pairing.from, pairing.to))])
            },
            create("create", RegistryMethods.pairingCreate,
                   abstract: "Pairs an ersättare with a ledamot of the same party, or ranks them.",
                   discussion: """
                       Give --ledamot for a personal ersättare (personlig ersättare), or --rank for a
                       place in the party's order of service (tjänstgöringsordning), not both.
                       """,
                   options: [newIDOption(example: "johan-johansson-for-lena-goldkuhl")] + pairingOptions(.required),
                   request: { context, committee in
                       let command = context.command
                       let ledamot = command.stringIfPresent("ledamot")
                       let rank = try command.intIfPresent("rank", in: 1...999)
                       guard (ledamot == nil) != (rank == nil) else {
                           throw context.usageError(
                               "give either --ledamot (a personal ersättare) or --rank (the order of service)",
                               code: ledamot == nil ? .missingOption : .invalidValue)
                       }
                       return PairingCreate(
                           committee: committee, id: command.stringIfPresent("id"),
                           substitute: try command.string("substitute"), ledamot: ledamot, rank: rank,
                           from: try context.dateIfPresent("from"), to: try context.dateIfPresent("to"))
                   },
                   confirm: { pairing, committee in
                       "Paired \(pairing.substitute) \(RegistryText.pairingTarget(pairing)) "
                           + "\(RegistryText.span(pairing.from, pairing.to)): pairing \(pairing.id) in \(committee)."
                   }),
            update(RegistryMethods.pairingUpdate, kind: "pairing", argument: pairingArgument,
                   options: pairingOptions(.optional),
                   load: { try $0.registry(RegistryMethods.pairingGet, $1) },
                   edit: { pairing, changes in
                       try changes.text("substitute", &pairing.substitute)
                       changes.text("ledamot", &pairing.ledamot)
                       try changes.int("rank", &pairing.rank, in: 1...999)
                       switch (changes.applied.contains("ledamot"), changes.applied.contains("rank")) {
                       case (true, true): throw changes.usageError("give either --ledamot or --rank, not both")
                       case (true, false): pairing.rank = nil
                       case (false, true): pairing.ledamot = nil
                       case (false, false): break
                       }
                       try changes.span(&pairing.from, &pairing.to)
                   },
                   request: PairingUpdate.init),
            end(RegistryMethods.pairingEnd, kind: "pairing", argument: pairingArgument),
            withdraw(.pairing, argument: pairingArgument),
        ])
    }

    /// The fields of `create` (the ersättare `.required`) and `update` (`.optional`).
    static func pairingOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        [
            idOption("substitute", occurrence, help: "The ersättare's appointment id, e.g. johan-johansson-2019."),
            idOption("ledamot", help: "The ledamot's appointment id, for a personal ersättare."),
            OptionSpec("rank", value: "number", help: "The place in the party's order of service, from 1."),
        ] + spanOptions(creating: occurrence == .required, from: "the first day both appointments hold",
                        to: "the last day both appointments hold")
    }

    static let pairingColumns = ["id", "ersättare", "stands in", "days"]

    static func pairingRow(_ pairing: SubstitutePairing) -> [String] {
        [pairing.id, pairing.substitute, RegistryText.pairingTarget(pairing), RegistryText.span(pairing.from, pairing.to)]
    }
}
