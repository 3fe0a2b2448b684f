import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliService
import KansliSigning

// The export folder of a signed document (docs/SIGNING.md §4): what anyone needs to check it
// years later with sha256sum and openssl, without Kansli.
extension DocumentsHandlers {
    /// The file name of the signed document in an export: `protokoll.html`, `paragraf-12.html`,
    /// `utdrag-12.html`.
    static func exportName(_ target: SigningTarget) -> String {
        switch target.kind {
        case .protokoll: "protokoll.html"
        case .paragraf: "paragraf-\(target.paragraph ?? 0).html"
        case .utdrag: "utdrag-\(target.paragraph ?? 0).html"
        }
    }

    static func signingExport(_ request: ExportRequest, _ context: HandlerContext) throws -> ExportedFolder {
        let target = try canonical(request.target)
        if request.includeAnnex, context.role != .admin {
            throw ServiceError(.forbidden, "a confidential export (with the annex under sekretess) needs an admin key", field: "includeAnnex")
        }
        let meeting = try MeetingStore(connection: context.connection).meeting(target.meeting)
        let store = SigningStore(connection: context.connection)
        let document = try storedDocument(target, meeting: meeting, store: store)
        let signatures = try store.signatures(target, revision: document.revision)
        let documentName = exportName(target)
        var files = [ExportedFile(name: documentName, bytes: document.bytes)]
        if request.includeAnnex, let annex = document.annex {
            files.append(ExportedFile(name: "sekretessbilaga.html", bytes: annex))
        }
        var signerLines: [String] = []
        for (index, signature) in signatures.enumerated() {
            let stem = "signatur-\(index + 1)-\(signature.person)"
            guard let bytes = Hex.decode(signature.publicKey), let key = try? Ed25519.PublicKey(bytes: bytes) else {
                throw ServiceError(.internal, "the stored public key of \(signature.person)'s signature does not decode")
            }
            files.append(ExportedFile(name: "\(stem).txt", bytes: Array(signature.statement.utf8)))
            files.append(ExportedFile(name: "\(stem).sig", bytes: signature.signature))
            files.append(ExportedFile(name: "\(stem).pem", bytes: Array(Ed25519PEM.encode(key).utf8)))
            signerLines.append("openssl pkeyutl -verify -pubin -inkey \(stem).pem -rawin -in \(stem).txt -sigfile \(stem).sig   # \(signature.name)")
        }
        let justering = try store.justering(target)
        let through = justering.map { $0.revision == document.revision ? $0.logSequence : .max } ?? .max
        let entries = try store.log(committee: target.meeting.committee, through: through)
        for (index, entry) in entries.enumerated() {
            files.append(ExportedFile(name: "logg/" + String(repeating: "0", count: max(0, 6 - "\(index + 1)".count)) + "\(index + 1).txt", bytes: entry))
        }
        files.append(ExportedFile(name: "LASMIG.txt", bytes: Array(readme(target: target, meeting: meeting, document: document, documentName: documentName,
                                                                          signatures: signatures, signerLines: signerLines,
                                                                          withAnnex: request.includeAnnex && document.annex != nil,
                                                                          justeratOn: justering?.on).utf8)))
        let name = "\(meeting.committee)-\(meeting.date)-\(target.kind.rawValue)\(target.paragraph.map { "-\($0)" } ?? "")-r\(document.revision)"
        return ExportedFolder(name: name, files: files)
    }

    /// The Swedish README of an export: what the folder holds and how to check it by hand.
    static func readme(target: SigningTarget, meeting: Meeting, document: SigningStore.Frozen, documentName: String,
                       signatures: [SignatureRecord], signerLines: [String], withAnnex: Bool, justeratOn: CalendarDate?) -> String {
        let what = switch target.kind {
        case .protokoll: "Protokoll"
        case .paragraf: "Omedelbart justerad paragraf § \(target.paragraph ?? 0) ur protokoll"
        case .utdrag: "Bestyrkt utdrag ur protokoll, § \(target.paragraph ?? 0),"
        }
        var lines = [
            "\(what) från \(meeting.committeeName) sammanträde \(meeting.date), revision \(document.revision).",
            justeratOn.map { "Justerat \($0)." } ?? "Ännu inte justerat: alla underskrifter har inte kommit in.",
            "",
            "Mappen innehåller:",
            "  \(documentName)  det signerade dokumentet, exakt de byte som signerades",
        ]
        if withAnnex { lines.append("  sekretessbilaga.html  den sekretessbelagda bilagan (omfattas av sekretess, lämnas inte ut)") }
        lines += [
            "  signatur-N-ID.txt  underskriftsförklaringen som signeraren signerade (docs/SIGNING.md, avsnitt 2)",
            "  signatur-N-ID.sig  signaturen, Ed25519, 64 byte",
            "  signatur-N-ID.pem  signerarens publika nyckel (SubjectPublicKeyInfo, RFC 8410)",
            "  logg/NNNNNN.txt  nämndens hashkedjade logg fram till justeringen (docs/SIGNING.md, avsnitt 3)",
            "",
            "Så kontrollerar du dokumentet:",
            "",
            "1. Räkna ut dokumentets SHA-256:",
            "     sha256sum \(documentName)",
            "   Jämför (utan hänsyn till versaler och gemener) med raden \"document-sha256:\" i varje",
            "   signatur-N-ID.txt och med hashvärdet på det anslagna beviset. Hashvärdet är",
            "     \(document.sha256)",
        ]
        if let annex = document.annexSHA256 {
            lines += ["   Den sekretessbelagda bilagans hashvärde är \(annex)" + (withAnnex ? " (sha256sum sekretessbilaga.html)." : "; bilagan ingår inte i denna mapp.")]
        }
        lines += ["", "2. Kontrollera varje underskrift (skriver \"Signature Verified Successfully\"):"]
        lines += signerLines.map { "     " + $0 }
        lines += [
            "   Kontrollera att nyckeln är den som nämndens register angav för personen den dagen.",
            "",
            "3. Eller kontrollera allt på en gång, utan att Kansli körs:",
            "     kansli protocol verify --offline .",
            "",
            "Underskrifter:",
        ]
        lines += signatures.map { "  \($0.name) (\($0.roles.map { SigningRules.signingRole($0).rawValue }.joined(separator: ", "))), \(StockholmTime.localDateTime(at: $0.signedAt))" }
        return lines.joined(separator: "\n") + "\n"
    }
}
