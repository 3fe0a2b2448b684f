import Foundation
import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry import FILE` and `kansli registry export CODE`: a whole committee as one
// committee file (docs/registry-file-format.md).
extension RegistryCommands {
    /// The largest committee file `import` reads. A committee of 30 parties and 120 persons with
    /// their history is a few hundred kilobytes; the protocol refuses more than 16 MiB anyway.
    static let maxCommitteeFileBytes = 16 * 1024 * 1024

    static var importCommand: CommandGroup {
        let spec = CommandSpec(
            "import", abstract: "Imports a whole committee from a committee file, in one transaction.",
            discussion: """
                The file is what `kansli registry export` writes; docs/registry-file-format.md
                describes it. Either every record is stored or none is. Importing needs an
                admin key; --check needs only a read key.
                """,
            flags: [FlagSpec("replace", help: "Replace the committee with the same code, all its records."),
                    FlagSpec("check", help: "Check the file against every rule; store nothing.")],
            positionals: [PositionalSpec("file", help: "The committee file (JSON), or - for standard input.")])
        return leaf(spec) { context in
            let path = try context.command.positional(0)
            let request = ImportRequest(file: try readCommitteeFile(path, context: context),
                                        replaceExisting: context.command.flag("replace"))
            let checking = context.command.flag("check")
            let method = checking ? RegistryMethods.importCheck : RegistryMethods.importCommittee
            let result: ImportResult
            do {
                result = try context.registry(method, request)
            } catch var error as ServiceError where error.code == .conflict && error.field == "file.committee.code" {
                error.message += " (kansli: import with --replace)"
                throw error
            }
            try context.show(result) { result in
                let code = result.committee
                guard checking else {
                    return "\(result.replaced ? "Replaced" : "Imported") committee \(code): \(describe(result.counts))."
                }
                let existing = !result.replaced ? ""
                    : request.replaceExisting ? " Importing would replace the existing \(code)."
                    : " \(code) exists: import with --replace to replace it."
                return "\(code) is valid: \(describe(result.counts)). Nothing was stored.\(existing)"
            }
        }
    }

    static var exportCommand: CommandGroup {
        let spec = CommandSpec(
            "export", abstract: "Writes a whole committee as a committee file (JSON).",
            discussion: """
                The same content always gives the same bytes (sorted keys, pretty printed, a
                final newline), so exports diff well; `kansli registry import` reads them back.
                """,
            options: [OptionSpec("output", value: "file", help: "Write to this file instead of standard output.")],
            positionals: [committeeArgument])
        return leaf(spec) { context in
            let committee = try context.committee
            let file = try context.registry(RegistryMethods.exportCommittee, CommitteeRef(committee: committee))
            let data = try file.jsonData()
            guard let path = context.command.stringIfPresent("output") else {
                // `line` adds back the final newline `jsonData()` ends with.
                return context.output.line(String(decoding: data.dropLast(), as: UTF8.self))
            }
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw LocalFailure(.cannotCreate, "cannot write \"\(path)\": \(error.localizedDescription)", field: "output")
            }
            if !context.json {
                context.output.line("Exported committee \(committee) to \(path): \(describe(file.counts)).")
            }
        }
    }

    /// `14 parties, 30 persons, …`.
    static func describe(_ counts: RecordCounts) -> String {
        [(counts.parties, "parties"), (counts.yearlyKeys, "yearly key figures"), (counts.persons, "persons"),
         (counts.appointments, "appointments"), (counts.roles, "roles"), (counts.staff, "staff assignments"),
         (counts.pairings, "pairings"), (counts.signingKeys, "signing keys")]
            .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// The committee file at `path` (`-`: standard input), read as `InputFile` reads.
    static func readCommitteeFile(_ path: String, context: CLIContext) throws -> CommitteeFile {
        try InputFile.json(path, limit: maxCommitteeFileBytes, kind: "a committee file", CommitteeFile.init(jsonData:))
    }
}
