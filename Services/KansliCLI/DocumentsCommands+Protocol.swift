import DocumentsAPI
import Foundation
import KansliArguments
import KansliProtocol

// `kansli documents protocol set|freeze|revise|signers` and `kansli documents render`.
extension DocumentsCommands {
    static var protocolGroup: CommandGroup {
        kind("protocol", abstract: "The minutes: justerare, justering, secretary, freezing for signing, revisions.", [
            Subcommand(spec: CommandSpec(
                "set", abstract: "Records the protocol's justerare, justering and secretary; what is not given stays.",
                discussion: "The secretary is the committee's secretary in the registry when not named.",
                options: [OptionSpec("justerare", value: "person", .repeatable, help: "An elected justerare (repeat for more; replaces the list)."),
                          OptionSpec("justering-place", value: "text", help: "Where and how it is justerat, e.g. \"Protokollet justeras digitalt\"."),
                          OptionSpec("justering-deadline", value: "yyyy-MM-dd", help: "The last day of justering the meeting set."),
                          OptionSpec("secretary", value: "person", help: "The secretary who keeps the minutes."),
                          OptionSpec("storage", value: "text", help: "Where the protocol is kept (förvaringsplats).")],
                positionals: meetingPositionals)) { context in
                let ref = try meetingRef(context)
                let details = try context.documents(DocumentsMethods.meetingGet, ref).content.protocol
                let justerare = context.command.strings("justerare")
                let request = ProtocolSet(meeting: ref, justerare: justerare.isEmpty ? details?.justerare ?? [] : justerare,
                                          justeringPlace: context.command.stringIfPresent("justering-place") ?? details?.justeringPlace,
                                          justeringDeadline: try context.dateIfPresent("justering-deadline") ?? details?.justeringDeadline,
                                          secretary: context.command.stringIfPresent("secretary") ?? details?.secretary,
                                          storage: context.command.stringIfPresent("storage") ?? details?.storage)
                try context.show(try context.documents(DocumentsMethods.protocolSet, request), DocumentsText.protocolDetails)
            },
            Subcommand(spec: CommandSpec(
                "freeze", abstract: "Freezes the protocol's current revision for signing: nothing changes it afterwards.",
                options: [OptionSpec("revision", value: "n", help: "The revision you reviewed; refused if it is no longer the current one.")],
                positionals: meetingPositionals)) { context in
                let ref = try meetingRef(context)
                let revision = try context.command.intIfPresent("revision", in: 1...100_000)
                    ?? context.documents(DocumentsMethods.meetingGet, ref).revision
                let meeting = try context.documents(DocumentsMethods.protocolFreeze, ProtocolFreeze(meeting: ref, revision: revision))
                try context.show(meeting) { "The protocol of \($0.committee) \($0.date) revision \($0.revision) is frozen for signing\($0.frozenAt.map { " (\($0))" } ?? "")." }
            },
            Subcommand(spec: CommandSpec(
                "revise", abstract: "Makes a new editable revision of a frozen protocol; its signatures are void.",
                options: [OptionSpec("reason", value: "text", .required, help: "Why the protocol changes.")],
                positionals: meetingPositionals)) { context in
                let request = ProtocolRevise(meeting: try meetingRef(context), reason: try context.command.string("reason"))
                let meeting = try context.documents(DocumentsMethods.protocolRevise, request)
                try context.show(meeting) { "The protocol of \($0.committee) \($0.date) is revision \($0.revision), editable; the earlier revision's signatures no longer count." }
            },
            Subcommand(spec: CommandSpec("signers", abstract: "Lists who must sign the protocol, each once, with the roles they sign for.",
                                         positionals: meetingPositionals)) { context in
                try context.show(try context.documents(DocumentsMethods.protocolSigners, try meetingRef(context)), DocumentsText.signers)
            },
        ])
    }

    static var renderCommand: CommandGroup {
        let spec = CommandSpec(
            "render", abstract: "Renders the protocol, its confidential annex, the kallelse or an extract, as HTML or text.",
            discussion: """
                HTML is one self-contained file, printable on A4, byte for byte the same for
                the same content; it embeds the content it shows as a JSON data block. The
                SHA-256 is printed with --output (and is in --json).
                """,
            options: [OptionSpec("document", value: "protocol|annex|kallelse|extract", .defaulted("protocol"), help: "Which document."),
                      OptionSpec("format", value: "html|text", .defaulted("html"), help: "HTML or plain text."),
                      OptionSpec("paragraph", value: "n", help: "The paragraph of an extract."),
                      OptionSpec("output", value: "file", help: "Write the document to this file instead of standard output.")],
            positionals: meetingPositionals)
        return leaf(spec) { context in
            let request = RenderRequest(meeting: try meetingRef(context),
                                        document: try context.choice(try context.command.string("document"), option: "document", as: DocumentKind.self),
                                        format: try context.choice(try context.command.string("format"), option: "format", as: RenderFormat.self),
                                        paragraph: try context.command.intIfPresent("paragraph", in: 1...100_000))
            if request.document == .extract, request.paragraph == nil {
                throw context.usageError("--document extract needs --paragraph", code: .missingOption)
            }
            try context.emit(try context.documents(DocumentsMethods.render, request))
        }
    }
}

extension CLIContext {
    /// Writes a rendered document to `--output` (reporting where, and its SHA-256) or standard
    /// output; with `--json`, prints the whole `RenderedDocument`.
    func emit(_ document: DocumentsAPI.RenderedDocument) throws {
        if json { return try printJSON(document) }
        guard let path = command.stringIfPresent("output") else {
            output.line(document.text.hasSuffix("\n") ? String(document.text.dropLast()) : document.text)
            return
        }
        do {
            try Data(document.text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw LocalFailure(.cannotCreate, "cannot write \"\(path)\": \(error.localizedDescription)", field: "output")
        }
        output.line("Wrote \(document.fileName) (revision \(document.revision), SHA-256 \(document.sha256)) to \(path).")
    }
}
