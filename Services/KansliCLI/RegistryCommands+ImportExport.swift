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

    /// The committee file at `path` (`-`: standard input). A file that cannot be read is a
    /// `LocalFailure` `noInput` (exit 66); one that is not JSON, or not a committee file, is
    /// `dataError` (exit 65) naming the line and column, or the JSON path at fault.
    static func readCommitteeFile(_ path: String, context: CLIContext) throws -> CommitteeFile {
        let name = path == "-" ? "standard input" : path
        let data: Data
        do {
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            data = try handle.read(upToCount: maxCommitteeFileBytes + 1) ?? Data()
        } catch {
            throw LocalFailure(.noInput, "cannot read \"\(path)\": \(error.localizedDescription)", field: "file")
        }
        guard data.count <= maxCommitteeFileBytes else {
            throw LocalFailure(.dataError, "\(name) is larger than \(maxCommitteeFileBytes / 1024 / 1024) MiB, the most "
                                   + "a committee file may be", field: "file")
        }
        do {
            return try CommitteeFile(jsonData: data)
        } catch let error as DecodingError {
            if let location = syntaxErrorLocation(in: data) {
                let numbers = location.split(separator: ":").first?.split(separator: ",")
                    .compactMap { Int($0.filter(\.isNumber)) } ?? []
                throw LocalFailure(.dataError, "\(name) is not JSON: \(location)", field: "file",
                                   line: numbers.count == 2 ? numbers[0] : nil, column: numbers.count == 2 ? numbers[1] : nil)
            }
            let (field, problem) = describe(error)
            throw LocalFailure(.dataError, "\(name) is not a committee file: \(field.isEmpty ? "" : "\(field): ")\(problem)",
                               field: field.isEmpty ? "file" : "file.\(field)")
        }
    }

    /// Where `data` stops being JSON, as "line 3, column 3: invalid value", or nil if it is JSON.
    /// JSONDecoder says only that the data is not valid JSON; JSONSerialization gives the offset
    /// ("around character 26"), which is turned into a line and column a person can go to.
    static func syntaxErrorLocation(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            guard let range = description.range(of: "character "),
                let offset = Int(description[range.upperBound...].prefix { $0.isNumber })
            else { return description.isEmpty ? "not valid JSON" : description }
            var line = 1, column = 1
            for byte in data.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {  // count characters, not the continuation bytes of UTF-8
                    column += 1
                }
            }
            let problem = description.components(separatedBy: " around ").first ?? description
            return "line \(line), column \(column): \(problem.prefix(1).lowercased() + problem.dropFirst())"
        }
    }

    /// The JSON path (`parties[2].organisationNumber`) and the problem of a decoding error.
    static func describe(_ error: DecodingError) -> (path: String, problem: String) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .dataCorrupted(let context):
            let cause = context.underlyingError?.localizedDescription
            return (path(context.codingPath), [context.debugDescription, cause].compactMap { $0 }.joined(separator: " "))
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(type), found null")
        @unknown default:
            return ("", "\(error)")
        }
    }
}
