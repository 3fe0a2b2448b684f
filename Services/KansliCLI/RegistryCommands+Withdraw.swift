import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry appointment|role|staff|pairing withdraw`: a record entered by mistake.
extension RegistryCommands {
    /// `withdraw <committee> <id> --reason TEXT`: the record leaves every composition, list and rule
    /// and stays in the history.
    static func withdraw(_ kind: WithdrawableKind, argument: PositionalSpec) -> Subcommand {
        let spec = CommandSpec(
            "withdraw",
            abstract: "Withdraws a \(kind.rawValue) entered by mistake: out of every composition and list, kept in "
                + "the history and the audit trail with the reason.",
            options: [OptionSpec("reason", value: "text", .required, help: "Why, e.g. \"entered for the wrong party\"."),
                      revisionOption],
            positionals: [committeeArgument, argument])
        return Subcommand(spec: spec) { context in
            let (committee, id) = (try context.committee, try context.recordID)
            let request = WithdrawRequest(committee: committee, kind: kind, id: id,
                                          reason: try context.command.string("reason"),
                                          revision: try context.command.intIfPresent("revision", in: 1...Int.max))
            let withdrawn = try context.registry(RegistryMethods.withdraw, request)
            try context.show(withdrawn) { withdrawn in
                "Withdrew \(kind.rawValue) \(withdrawn.id) of \(committee) on \(withdrawn.withdrawal.on): "
                    + "\(withdrawn.withdrawal.reason)."
            }
        }
    }
}
