import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliService

// The justerat rendering: the signed document followed by its signing block, and the
// BEVIS/ANSLAG block once the notice is up on every party's board. A separate file: the signed
// one never changes.
extension DocumentsHandlers {
    static func signingRendering(_ request: SigningTarget, _ context: HandlerContext) throws -> RenderedDocument {
        let target = try canonical(request)
        let meeting = try MeetingStore(connection: context.connection).meeting(target.meeting)
        let store = SigningStore(connection: context.connection)
        let document = try storedDocument(target, meeting: meeting, store: store)
        let signatures = try store.signatures(target, revision: document.revision)
        var block = ""
        if target.kind == .utdrag, let source = document.sourceSHA256 {
            // The utdragsbestyrkande: the extract agrees with the justerat protocol whose hash it names.
            var rows = [Row("Protokollets SHA-256 hashvärde", source, code: true), Row("Utdragets SHA-256 hashvärde", document.sha256, code: true)]
            for signature in signatures {
                rows += [Row("Bestyrkt av", "\(signature.name), \(minute(signature.signedAt))"),
                         Row("Signatur (Ed25519)", Hex.encode(signature.signature, uppercase: true), code: true)]
            }
            block += tableSection("bestyrkande", "Utdragsbestyrkande", intro: "Utdraget överensstämmer med det justerade protokollet.", rows)
        }
        block += "<section class=\"signering\" aria-labelledby=\"signering\">\n<h2 id=\"signering\">Signering</h2>\n"
        block += "<p>Följande parter har signerat detta dokument</p>\n<dl>\n"
        for signature in signatures {
            block += "<dt>Namn: \(HTMLWriter.escape(signature.name))</dt>\n"
            block += "<dd>Datum: \(minute(signature.signedAt))</dd>\n"
            block += "<dd>Signerat kryptografiskt SHA-256 hashvärde:<br><code>\(document.sha256)</code></dd>\n"
        }
        block += "</dl>\n</section>\n"
        let notice = NoticeRules.status(of: meeting)
        if target.kind == .protokoll, let justering = try store.justering(target), let last = notice.lastPosting {
            guard let head = try store.entryHash(committee: target.meeting.committee, sequence: justering.logSequence) else {
                throw ServiceError(.internal, "the justering of \(MeetingStore.name(target.meeting)) has no log entry")
            }
            var rows = [Row("Sammanträdesdatum", meeting.date.description), Row("Justerat", justering.on.description),
                        Row("Datum när anslaget sätts upp", last.description)]
            if let down = notice.takeDownEarliest { rows.append(Row("Datum när anslaget tas ned", down.description)) }
            if let appeal = notice.appealLastDay { rows.append(Row("Sista dag att överklaga", appeal.description)) }
            if let storage = meeting.content.protocol?.storage { rows.append(Row("Förvaringsplats för protokollet", storage)) }
            rows.append(Row("Nämndens logg efter justeringen (SHA-256)", head))
            block += tableSection("anslag", "BEVIS/ANSLAG",
                                  intro: "\(meeting.committeeShortName)s protokoll är justerat. Justeringen har tillkännagivits genom anslag.", rows)
        }
        guard let end = document.bytes.firstRange(of: Array("</main>".utf8))?.lowerBound else {
            throw ServiceError(.internal, "the stored document has no </main>")
        }
        let text = String(decoding: document.bytes[..<end], as: UTF8.self) + block + String(decoding: document.bytes[end...], as: UTF8.self)
        let name = document.fileName.replacingAll(".html", with: "-justerat.html")
        return RenderedDocument(document: target.kind == .protokoll ? .protocol : .extract, format: .html, fileName: name,
                                revision: document.revision, renderer: DocumentRenderer.version, text: String(text),
                                sha256: Hex.encode(SHA256.hash(Array(text.utf8)), uppercase: true))
    }

    /// A row of a block's table: a heading and its value (in `<code>` for a hash or signature).
    struct Row {
        var heading: String
        var value: String
        var code = false
        init(_ heading: String, _ value: String, code: Bool = false) {
            self.heading = heading
            self.value = value
            self.code = code
        }
    }

    /// A section with a heading, an introducing sentence and a table of rows, all escaped.
    static func tableSection(_ id: String, _ title: String, intro: String, _ rows: [Row]) -> String {
        var out = "<section class=\"\(id)\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLWriter.escape(title))</h2>\n"
        out += "<p>\(HTMLWriter.escape(intro))</p>\n<table>\n<tbody>\n"
        for row in rows {
            let value = HTMLWriter.escape(row.value)
            out += "<tr><th scope=\"row\">\(HTMLWriter.escape(row.heading))</th><td>\(row.code ? "<code>\(value)</code>" : value)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// `2022-06-28 14:34`, Stockholm time, as the seed's signing block writes it.
    static func minute(_ time: Timestamp) -> String {
        let local = StockholmTime.localDateTime(at: time)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(local.date) \(two(local.hour)):\(two(local.minute))"
    }
}
