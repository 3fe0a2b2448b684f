import DocumentsAPI
import Foundation
import KansliArguments
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliSigning
import KansliTransport
import RegistryAPI

/// `kansli protocol sign|verify|export`: signing the minutes with a member's own Ed25519 key,
/// and checking them, with the service or (`verify --offline`) from an export folder alone.
enum ProtocolCommands {
    static let targetOptions = [
        OptionSpec("paragraph", value: "n", help: "A paragraph under omedelbar justering, signed on its own."),
        OptionSpec("extract", value: "n", help: "The certified extract (utdrag) of this paragraph."),
    ]

    static var groups: [CommandGroup] {
        let positionals = [DocumentsCommands.committeeArgument, DocumentsCommands.dateArgument]
        let sign = CommandSpec(
            "sign", abstract: "Signs the protocol (or a paragraph, or an extract) with your own signing key.",
            discussion: """
                Fetches the frozen document, computes its SHA-256 itself, shows you the
                paragraphs and decisions from the data block inside those bytes and the hash,
                and asks you to confirm (unless --yes). It then signs a statement naming the
                committee, meeting, revision, document and your roles (docs/SIGNING.md) with
                the key in --signing-key, which never leaves your machine, and submits it with
                your signer client key (--key-file).
                """,
            options: targetOptions + [OptionSpec("signing-key", value: "file", .required, environment: "KANSLI_SIGNING_KEY",
                                                 help: "Your Ed25519 private key (PKCS #8 PEM, mode 600).")],
            flags: [FlagSpec("yes", help: "Sign without asking.")],
            positionals: positionals)
        let verify = CommandSpec(
            "verify", abstract: "Verifies a signed protocol: its hash, every signature, the rows against the document, the log.",
            discussion: """
                With the service: kansli protocol verify NBE 2022-06-22. Without it, from an
                export folder: kansli protocol verify --offline FOLDER. Exits 2 when a check
                fails, naming it.
                """,
            options: targetOptions + [OptionSpec("offline", value: "folder", help: "Check an export folder, with no service.")],
            positionals: [PositionalSpec("committee", .optional, help: "The committee's code, e.g. NBE."),
                          PositionalSpec("date", .optional, help: "The meeting's date, yyyy-MM-dd.")])
        let export = CommandSpec(
            "export", abstract: "Writes a signed protocol as a folder anyone can check without Kansli.",
            discussion: """
                The folder holds the signed file, each statement, signature and public key, the
                committee's log up to the justering and a README in Swedish. The confidential
                annex goes with it only with --with-annex (an admin key): never publish that one.
                """,
            options: targetOptions + [OptionSpec("output", value: "folder", .required, help: "The folder to create.")],
            flags: [FlagSpec("with-annex", help: "A confidential export, with the annex under sekretess.")],
            positionals: positionals)
        let render = CommandSpec(
            "render", abstract: "Writes the justerat rendering: the signed document, its signing block and BEVIS/ANSLAG.",
            options: targetOptions + [OptionSpec("output", value: "file", help: "Write it to this file instead of standard output.")],
            positionals: positionals)
        let spec = CommandSpec("protocol", abstract: "Signs and verifies the minutes (Ed25519 over the SHA-256 of the signed file).",
                               subcommands: [sign, verify, export, render])
        return [CommandGroup(spec: spec, handlers: [["protocol", "sign"]: signProtocol, ["protocol", "verify"]: verifyProtocol,
                                                    ["protocol", "export"]: exportProtocol, ["protocol", "render"]: { context in
            try context.emit(try context.documents(DocumentsMethods.signingRendering, try target(context)))
        }])]
    }

    /// The signed document the positionals and `--paragraph`/`--extract` name.
    static func target(_ context: CLIContext) throws -> SigningTarget {
        let meeting = try DocumentsCommands.meetingRef(context)
        let paragraph = try context.command.intIfPresent("paragraph", in: 1...100_000)
        let extract = try context.command.intIfPresent("extract", in: 1...100_000)
        switch (paragraph, extract) {
        case (nil, nil): return SigningTarget(meeting: meeting)
        case (let number?, nil): return SigningTarget(meeting: meeting, kind: .paragraf, paragraph: number)
        case (nil, let number?): return SigningTarget(meeting: meeting, kind: .utdrag, paragraph: number)
        default: throw context.usageError("give --paragraph or --extract, not both")
        }
    }

    // MARK: Sign

    static func signProtocol(_ context: CLIContext) throws {
        let target = try target(context)
        let key = try SigningKeyFile.load(path: try context.command.string("signing-key"))
        let draft = try context.documents(DocumentsMethods.signingDraft, target)
        let hash = Hex.encode(SHA256.hash(Array(draft.document.utf8)), uppercase: true)
        guard hash == draft.documentSHA256 else {
            throw LocalFailure(.verification, "the document the service sent hashes to \(hash), not the \(draft.documentSHA256) it states: not signed")
        }
        let identity = try context.client("registry").call(RegistryMethods.signerGet,
                                                            SignerQuery(keyID: "", on: CalendarDate.today(at: draft.serviceTime)))
        guard let signer = draft.signers.first(where: { $0.person == identity.client.person }) else {
            throw ServiceError(.forbidden, "your signer key is \(identity.name) (\(identity.client.person)), who is not among those who sign: \(draft.signers.map(\.name).joined(separator: ", "))")
        }
        guard identity.signingKeys.contains(where: { $0.publicKey.lowercased() == Hex.encode(key.publicKey.bytes) }) else {
            throw LocalFailure(.configuration, "the key in --signing-key (\(Hex.encode(key.publicKey.bytes).prefix(16))…) is not one the registry holds for \(identity.name) today; check it with `kansli keys check`", field: "signing-key")
        }
        context.output.line(summary(draft, signer: signer, hash: hash))
        if !context.command.flag("yes") {
            context.output.line("Sign as \(signer.name) (\(roles(signer.roles)))? Type ja to sign: ")
            guard let answer = readLine(strippingNewline: true), ["ja", "j", "yes", "y"].contains(answer.lowercased()) else {
                throw LocalFailure(.cancelled, "not signed")
            }
        }
        // A fresh draft for the statement's time (the service accepts it within 5 minutes), over the same bytes.
        let fresh = try context.documents(DocumentsMethods.signingDraft, target)
        guard fresh.documentSHA256 == hash, fresh.revision == draft.revision else {
            throw LocalFailure(.verification, "the document changed while you read it (now revision \(fresh.revision), hash \(fresh.documentSHA256.prefix(16))…): not signed; run the command again")
        }
        let statement = try self.statement(fresh, signer: signer)
        let text: String
        do {
            text = try statement.text()
        } catch {
            throw LocalFailure(.dataError, "the statement cannot be written: \(error)")
        }
        let status = try context.documents(DocumentsMethods.signingSign, SignatureSubmit(statement: text, signature: key.sign(Array(text.utf8))))
        try context.show(status) { status in
            let local = StockholmTime.localDateTime(at: statement.time)
            let when = "\(local.date) \(local.hour < 10 ? "0" : "")\(local.hour):\(local.minute < 10 ? "0" : "")\(local.minute)"
            let rest = status.justeratOn.map { "The \(target.kind.rawValue) is justerat \($0): every required signature is in." }
                ?? "\(status.pending.count) still to sign: \(status.pending.joined(separator: ", "))."
            return "Signed by \(signer.name) (\(roles(signer.roles))) at \(when), SHA-256 \(status.documentSHA256).\n\(rest)"
        }
    }

    /// The statement `kansli protocol sign` signs for `draft` (docs/SIGNING.md §2).
    static func statement(_ draft: SigningDraft, signer: RequiredSigner) throws -> SignatureStatement {
        guard let kind = StatementKind(rawValue: draft.target.kind.rawValue), let day = CivilDate(draft.target.meeting.date.description), let hash = Hex.decode(draft.documentSHA256) else {
            throw LocalFailure(.dataError, "the draft's date or hash is malformed")
        }
        return SignatureStatement(kind: kind, committee: draft.target.meeting.committee, meetingDate: day, revision: draft.revision,
                                  paragraph: draft.target.paragraph, documentHash: hash, annexHash: draft.annexSHA256.flatMap(Hex.decode),
                                  sourceHash: draft.sourceSHA256.flatMap(Hex.decode), signerID: signer.person, signerName: signer.name,
                                  roles: Set(signer.roles.map(signingRole)), time: draft.serviceTime)
    }

    static func signingRole(_ role: SignerRole) -> SigningRole {
        SigningRole(protocolRole: role.rawValue)!  // every SignerRole has one (SigningRulesTests)
    }

    /// `sekreterare, ordförande`.
    static func roles(_ roles: [SignerRole]) -> String { roles.map { signingRole($0).rawValue }.joined(separator: ", ") }

    /// What the signer is shown: read from the data block inside the bytes that are signed, so
    /// what they read is what they sign.
    static func summary(_ draft: SigningDraft, signer: RequiredSigner, hash: String) -> String {
        var lines = ["\(draft.target.kind.rawValue) of \(draft.target.meeting.committee) \(draft.target.meeting.date)\(draft.target.paragraph.map { " § \($0)" } ?? ""), revision \(draft.revision)"]
        if let data = SignedHTML.dataBlock(in: Array(draft.document.utf8)),
           let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] {
            for paragraph in object["paragraphs"] as? [[String: Any]] ?? [] {
                let content = paragraph["content"] as? [String: Any] ?? [:]
                lines.append("  § \(paragraph["number"] as? Int ?? 0) \(content["title"] as? String ?? "")")
                lines.append("      Beslut: \(content["decision"] as? String ?? "")")
            }
            for stub in object["confidentialParagraphs"] as? [[String: Any]] ?? [] {
                lines.append("  § \(stub["number"] as? Int ?? 0) \(stub["title"] as? String ?? "") (sekretess: \(stub["ground"] as? String ?? ""))")
            }
        } else {
            lines.append("  (the document has no data block to show)")
        }
        lines.append("SHA-256: \(hash)")
        if let annex = draft.annexSHA256 { lines.append("Confidential annex SHA-256: \(annex)") }
        if let source = draft.sourceSHA256 { lines.append("From the justerat protocol with SHA-256: \(source)") }
        let signed = draft.signatures.map(\.name)
        lines.append("Signed so far: \(signed.isEmpty ? "nobody" : signed.joined(separator: ", ")); you sign as \(roles(signer.roles)).")
        return lines.joined(separator: "\n")
    }

    // MARK: Verify

    static func verifyProtocol(_ context: CLIContext) throws {
        if let folder = context.command.stringIfPresent("offline") {
            let report: ExportVerifier.Report
            do {
                report = try ExportVerifier.verify(try readFolder(folder))
            } catch let failure as ExportVerifier.Failure {
                throw LocalFailure(.dataError, "\(folder): \(failure.message)", field: "offline")
            }
            if context.json { try context.printJSON(OfflineReport(report)) } else {
                context.output.line("\(report.document) in \(folder), SHA-256 \(report.sha256)")
                for check in report.checks { context.output.line("\(check.passed ? "ok  " : "FAIL") \(check.subject): \(check.detail)") }
            }
            guard report.valid else { throw LocalFailure(.verification, "\(folder) does not verify: \(report.checks.filter { !$0.passed }.map(\.subject).joined(separator: ", "))") }
            return
        }
        let report = try context.documents(DocumentsMethods.signingVerify, try target(context))
        if context.json { try context.printJSON(report) } else {
            context.output.line("\(report.target.kind.rawValue) of \(report.target.meeting.committee) \(report.target.meeting.date), revision \(report.revision), SHA-256 \(report.documentSHA256)")
            for check in report.checks { context.output.line("\(check.passed ? "ok  " : "FAIL") \(check.subject): \(check.detail)") }
        }
        guard report.valid else {
            throw LocalFailure(.verification, "the \(report.target.kind.rawValue) does not verify: \(report.checks.filter { !$0.passed }.map(\.subject).joined(separator: ", "))")
        }
    }

    /// `--json` of `verify --offline`.
    struct OfflineReport: Encodable {
        var document: String
        var sha256: String
        var valid: Bool
        var checks: [VerificationCheck]

        init(_ report: ExportVerifier.Report) {
            document = report.document
            sha256 = report.sha256
            valid = report.valid
            checks = report.checks.map { VerificationCheck(subject: $0.subject, passed: $0.passed, detail: $0.detail) }
        }
    }

    /// Every regular file of an export folder and of its `logg/`, by relative name, bounded.
    static func readFolder(_ path: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        for directory in ["", "logg"] {
            let full = directory.isEmpty ? path : "\(path)/\(directory)"
            guard let names = try? manager.contentsOfDirectory(atPath: full) else {
                if directory.isEmpty { throw LocalFailure(.noInput, "cannot read the folder \(path)", field: "offline") }
                continue
            }
            guard files.count + names.count <= ExportVerifier.maximumFiles else {
                throw LocalFailure(.dataError, "\(path) has more files than an export holds", field: "offline")
            }
            for name in names where name != "logg" {
                let relative = directory.isEmpty ? name : "\(directory)/\(name)"
                files[relative] = Array(try InputFile.read("\(path)/\(relative)", limit: ExportVerifier.maximumFileBytes, kind: "a file of an export"))
            }
        }
        return files
    }

    // MARK: Export

    static func exportProtocol(_ context: CLIContext) throws {
        let folder = try context.documents(DocumentsMethods.signingExport,
                                           ExportRequest(target: try target(context), includeAnnex: context.command.flag("with-annex")))
        let path = try context.command.string("output")
        try writeFolder(folder.files, to: path)
        try context.show(folder.files.map(\.name)) { names in
            "Wrote \(folder.name) to \(path): \(names.count) files. Check it with: kansli protocol verify --offline \(path)"
        }
    }

    /// Writes `files` into a new folder (`logg/` inside it); an existing non-empty folder is refused.
    static func writeFolder(_ files: [ExportedFile], to path: String) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: path), !existing.isEmpty {
            throw LocalFailure(.cannotCreate, "\(path) exists and is not empty", field: "output")
        }
        do {
            try manager.createDirectory(atPath: "\(path)/logg", withIntermediateDirectories: true)
            for file in files {
                guard !file.name.contains(".."), !file.name.hasPrefix("/"), file.name.split(separator: "/").count <= 2 else {
                    throw LocalFailure(.dataError, "the service sent a file name that is not one of an export: \(ServiceError.quote(file.name))")
                }
                try Data(file.bytes).write(to: URL(fileURLWithPath: "\(path)/\(file.name)"))
            }
        } catch let failure as LocalFailure {
            throw failure
        } catch {
            throw LocalFailure(.cannotCreate, "cannot write \(path): \(error.localizedDescription)", field: "output")
        }
    }
}
