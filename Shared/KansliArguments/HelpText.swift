/// Generates help and usage text. The output depends only on the spec, so it is deterministic
/// and can be compared verbatim in tests.
enum HelpText {
    /// Entries in the left column longer than this put their help on the next line.
    static let maxLeftColumn = 28
    /// Help in the right column is wrapped to keep lines within this many characters.
    static let maxLineWidth = 80

    /// `Usage: kansli registry party add --committee <code> --name <name> [options]`: the options
    /// that must be typed (required and without an environment fallback), `[options]` if there
    /// are others, then `<subcommand>` or the positional arguments.
    static func usage(_ scope: CommandScope) -> String {
        var words = ["Usage:", scope.displayName]
        let options = scope.allOptions
        let mustType = options.filter { $0.occurrence.isRequired && $0.environment == nil }
        words += mustType.map { "--\($0.name) <\($0.valueName)>" + ($0.occurrence.isMultiple ? "..." : "") }
        if mustType.count < options.count || !scope.inheritedFlags.isEmpty || !scope.ownFlags.isEmpty {
            words.append("[options]")
        }
        if !scope.current.subcommands.isEmpty {
            words.append("<subcommand>")
        }
        for positional in scope.current.positionals {
            let word = "<\(positional.name)>" + (positional.occurrence.isMultiple ? "..." : "")
            words.append(positional.occurrence.isRequired ? word : "[\(word)]")
        }
        return words.joined(separator: " ")
    }

    /// The full help of the command `scope` reached.
    static func render(_ scope: CommandScope) -> String {
        let command = scope.current
        var sections: [Section] = []
        if !command.positionals.isEmpty {
            sections.append(Section(title: "Arguments:", rows: command.positionals.map {
                Row("<\($0.name)>", $0.help, notes(for: $0.occurrence, environment: nil, positional: true))
            }))
        }
        sections.append(Section(title: "Options:", rows: rows(scope.ownOptions, scope.ownFlags)
                                    + [Row("-h, --help", "Show this help.", [])]))
        if !scope.inheritedOptions.isEmpty || !scope.inheritedFlags.isEmpty {
            sections.append(Section(title: "Global options:", rows: rows(scope.inheritedOptions, scope.inheritedFlags)))
        }
        if !command.subcommands.isEmpty {
            let rows = command.subcommands.map { Row($0.name, $0.abstract, []) }
            sections.append(Section(title: "Subcommands:", rows: rows))
        }
        let width = min(maxLeftColumn, sections.flatMap(\.rows).map(\.left.count).max() ?? 0)

        var blocks = [command.abstract]
        let discussion = trimmedLines(command.discussion)
        if !discussion.isEmpty { blocks.append(discussion) }
        blocks.append(usage(scope))
        blocks += sections.map { section in
            ([section.title] + section.rows.map { format($0, width: width) }).joined(separator: "\n")
        }
        if !command.subcommands.isEmpty {
            blocks.append("Run '\(scope.displayName) <subcommand> --help' for help on a subcommand.")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One line of a section: the left column, the help, and notes such as `required`.
    private struct Row {
        let left: String
        let help: String
        let notes: [String]

        init(_ left: String, _ help: String, _ notes: [String]) {
            self.left = left
            self.help = help
            self.notes = notes
        }
    }

    private struct Section {
        let title: String
        let rows: [Row]
    }

    private static func rows(_ options: [OptionSpec], _ flags: [FlagSpec]) -> [Row] {
        let optionRows = options.map { option in
            Row("--\(option.name) <\(option.valueName)>", option.help,
                notes(for: option.occurrence, environment: option.environment, positional: false))
        }
        return optionRows + flags.map { Row("--\($0.name)", $0.help, []) }
    }

    private static func notes(for occurrence: Occurrence, environment: String?, positional: Bool) -> [String] {
        var notes: [String] = switch occurrence {
        case .optional: positional ? ["optional"] : []
        case .required: positional ? [] : ["required"]
        case .defaulted(let value): ["default: \(value)"]
        case .repeatable: positional ? ["optional", "repeatable"] : ["repeatable"]
        case .oneOrMore: positional ? ["repeatable"] : ["required", "repeatable"]
        }
        if let environment { notes.append("env: \(environment)") }
        return notes
    }

    /// `  --port <port>   TCP port … (default: 7401)`, the help wrapped at `maxLineWidth` and
    /// indented to its column; an entry wider than the column puts the help on the next line.
    private static func format(_ row: Row, width: Int) -> String {
        // The notes stay together: "(default: 7401, env: KANSLI_PORT)" is never split.
        let notes = row.notes.isEmpty ? [] : ["(\(row.notes.joined(separator: ", ")))"]
        let words = row.help.split(separator: " ").map(String.init) + notes
        let left = "  " + row.left
        guard !words.isEmpty else { return left }
        let indent = String(repeating: " ", count: width + 4)
        let lines = wrap(words, width: max(20, maxLineWidth - indent.count)).joined(separator: "\n" + indent)
        if row.left.count > width {
            return left + "\n" + indent + lines
        }
        return left + String(repeating: " ", count: width - row.left.count + 2) + lines
    }

    /// Joins `words` with spaces into lines of at most `width` characters; a longer word gets a
    /// line of its own.
    private static func wrap(_ words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }

    /// The text without trailing spaces on any line nor blank lines around it.
    private static func trimmedLines(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
        return Array(lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()).joined(separator: "\n")
    }
}
