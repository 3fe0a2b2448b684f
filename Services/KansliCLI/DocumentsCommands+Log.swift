import DocumentsAPI
import Foundation
import KansliArguments
import KansliCrypto
import KansliProtocol
import KansliSigning

// `kansli documents export-log|verify-log`: a committee's hash-chained log (docs/SIGNING.md §3).
extension DocumentsCommands {
    static var exportLogCommand: CommandGroup {
        let spec = CommandSpec(
            "export-log", abstract: "Writes a committee's log, one file per entry (000001.txt …), and prints its head hash.",
            options: [OptionSpec("output", value: "folder", .required, help: "The folder to create.")],
            positionals: [committeeArgument])
        return leaf(spec) { context in
            let log = try context.documents(DocumentsMethods.logGet, LogRequest(committee: try context.command.positional(0)))
            let path = try context.command.string("output")
            let files = log.entries.enumerated().map { index, entry in
                ExportedFile(name: String(format: "%06d.txt", index + 1), bytes: Array(entry.utf8))
            }
            try ProtocolCommands.writeFolder(files, to: path)
            try context.show(log) { "Wrote \($0.length) entries of \($0.committee)'s log to \(path); head \($0.head ?? "(empty)")." }
        }
    }

    static var verifyLogCommand: CommandGroup {
        let spec = CommandSpec(
            "verify-log", abstract: "Checks a committee's log chain, naming the first broken entry: a folder export-log wrote, or --committee.",
            options: [OptionSpec("committee", value: "code", help: "Fetch the committee's log from the service and check it here.")],
            positionals: [PositionalSpec("folder", .optional, help: "A folder of entries (000001.txt …).")])
        return leaf(spec) { context in
            let entries: [(name: String, bytes: [UInt8])]
            if let committee = context.command.stringIfPresent("committee") {
                let log = try context.documents(DocumentsMethods.logGet, LogRequest(committee: committee))
                entries = log.entries.enumerated().map { ("entry \($0.offset + 1)", Array($0.element.utf8)) }
            } else if let folder = context.command.positionalIfPresent(0) {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
                guard !names.isEmpty else { throw LocalFailure(.noInput, "\(folder) holds no log entries (000001.txt …)", field: "folder") }
                entries = try names.map { ($0, Array(try InputFile.read("\(folder)/\($0)", limit: 16_384, kind: "a log entry"))) }
            } else {
                throw context.usageError("give a folder of entries, or --committee", code: .missingArgument)
            }
            switch LogChain.verify(entries.map(\.bytes)) {
            case .intact(let count, let head):
                context.output.line("The log holds: \(count) entries chain unbroken; head \(Hex.encode(head, uppercase: true)).")
            case .broken(let index, _, let reason):
                throw LocalFailure(.verification, "the log breaks at \(entries[index].name): \(reason)")
            }
        }
    }
}
