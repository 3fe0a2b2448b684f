import KansliArguments

/// `kansli registry …`: every method of the registry service, for the committee's secretary and
/// coordinator and for scripts.
///
/// One file per record kind (`RegistryCommands+Party.swift` …) contributes a group of subcommands;
/// `RegistryCommands+Records.swift` holds what they share (arguments, filters, get/list/end).
enum RegistryCommands {
    /// One group: `kansli registry` and everything below it.
    static var groups: [CommandGroup] {
        let parts = [importCommand, exportCommand, committeeGroup, partyGroup, yearlyKeyGroup, personGroup,
                     appointmentGroup, roleGroup, staffGroup, pairingGroup, signingKeyGroup, signerGroup, compositionCommand,
                     substitutesCommand]
        return [CommandGroup.root("registry", abstract: "Committees, their parties, members, staff and signing keys (kansli-registry).",
                                  discussion: """
                A committee is named by its code (NBE); its records by their ids (lulea,
                isak-utsi, isak-utsi-2019), which `list` shows. Dates are yyyy-MM-dd.
                `update` changes only the fields whose options are given; an empty value
                (--note=) clears an optional field. Reads print a table, or the response
                as JSON with --json; writes print one line naming the record, or the stored
                record as JSON with --json.
                """,
                                  parts: parts)]
    }

    /// One command below `kansli registry …` with the handler that runs it.
    typealias Subcommand = CommandGroup.Leaf

    /// `kansli registry <name> <subcommand>`: a record kind and its commands. Each command that
    /// writes takes `--idempotency-key` (see `idempotencyKeyOption`).
    static func kind(_ name: String, abstract: String, _ subcommands: [Subcommand]) -> CommandGroup {
        CommandGroup.kind(root: "registry", name, abstract: abstract, subcommands.map(withIdempotencyKey))
    }

    /// `kansli registry <name>`: a command without subcommands.
    static func leaf(_ spec: CommandSpec, _ run: @escaping CommandGroup.Handler) -> CommandGroup {
        let command = withIdempotencyKey(Subcommand(spec: spec, run: run))
        return CommandGroup(spec: command.spec, handlers: [["registry", spec.name]: command.run])
    }

    /// The names of the registry's commands that write.
    static let writeCommands: Set<String> = [
        "create", "add", "update", "end", "assign", "replace", "withdraw", "erase", "set", "revoke", "map", "unmap",
        "import",
    ]

    /// `--idempotency-key` of every command that writes: a script that gives the same key when it
    /// runs a command again is answered with the first run's result instead of writing twice.
    static let idempotencyKeyOption = OptionSpec(
        "idempotency-key", value: "uuid",
        help: "Makes a re-run safe: the registry applies the write once per key (a UUID, e.g. from uuidgen) and "
            + "answers a repeat with the first result. Without it each run is a new write (its retries share one key).")

    /// `subcommand` with `--idempotency-key` among its options if it writes.
    static func withIdempotencyKey(_ subcommand: Subcommand) -> Subcommand {
        let spec = subcommand.spec
        guard writeCommands.contains(spec.name) else { return subcommand }
        return Subcommand(
            spec: CommandSpec(spec.name, abstract: spec.abstract, discussion: spec.discussion,
                              options: spec.options + [idempotencyKeyOption], flags: spec.flags,
                              positionals: spec.positionals, subcommands: spec.subcommands),
            run: subcommand.run)
    }
}
