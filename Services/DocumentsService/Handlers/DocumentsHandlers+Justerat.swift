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
            block += "<section class=\"bestyrkande\" aria-labelledby=\"bestyrkande\">\n<h2 id=\"bestyrkande\">Utdragsbestyrkande</h2>\n"
            block += "<p>Utdraget överensstämmer med det justerade protokollet.</p>\n<table>\n<tbody>\n"
            block += "<tr><th scope=\"row\">Protokollets SHA-256 hashvärde</th><td><code>\(source)</code></td></tr>\n"
            block += "<tr><th scope=\"row\">Utdragets SHA-256 hashvärde</th><td><code>\(document.sha256)</code></td></tr>\n"
            for signature in signatures {
                block += "<tr><th scope=\"row\">Bestyrkt av</th><td>\(HTMLWriter.escape(signature.name)), \(minute(signature.signedAt))</td></tr>\n"
                block += "<tr><th scope=\"row\">Signatur (Ed25519)</th><td><code>\(Hex.encode(signature.signature, uppercase: true))</code></td></tr>\n"
            }
            block += "</tbody>\n</table>\n</section>\n"
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
            let head = try logHead(after: justering, target: target, store: store)
            var rows: [(String, String)] = [("Sammanträdesdatum", meeting.date.description), ("Justerat", justering.on.description),
                                             ("Datum när anslaget sätts upp", last.description)]
            if let down = notice.takeDownEarliest { rows.append(("Datum när anslaget tas ned", down.description)) }
            if let appeal = notice.appealLastDay { rows.append(("Sista dag att överklaga", appeal.description)) }
            if let storage = meeting.content.protocol?.storage { rows.append(("Förvaringsplats för protokollet", storage)) }
            rows.append(("Nämndens logg efter justeringen (SHA-256)", head))
            block += "<section class=\"anslag\" aria-labelledby=\"anslag\">\n<h2 id=\"anslag\">BEVIS/ANSLAG</h2>\n"
            block += "<p>\(HTMLWriter.escape(meeting.committeeShortName))s protokoll är justerat. Justeringen har tillkännagivits genom anslag.</p>\n"
            block += "<table>\n<tbody>\n" + rows.map { "<tr><th scope=\"row\">\(HTMLWriter.escape($0.0))</th><td>\(HTMLWriter.escape($0.1))</td></tr>\n" }.joined()
            block += "</tbody>\n</table>\n</section>\n"
        }
        guard let end = firstIndex(of: Array("</main>".utf8), in: document.bytes, from: 0) else {
            throw ServiceError(.internal, "the stored document has no </main>")
        }
        let text = String(decoding: document.bytes[..<end], as: UTF8.self) + block + String(decoding: document.bytes[end...], as: UTF8.self)
        let name = document.fileName.replacingAll(".html", with: "-justerat.html")
        return RenderedDocument(document: target.kind == .protokoll ? .protocol : .extract, format: .html, fileName: name,
                                revision: document.revision, renderer: DocumentRenderer.version, text: String(text),
                                sha256: Hex.encode(SHA256.hash(Array(text.utf8)), uppercase: true))
    }

    /// `2022-06-28 14:34`, Stockholm time, as the seed's signing block writes it.
    static func minute(_ time: Timestamp) -> String {
        let local = StockholmTime.localDateTime(at: time)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(local.date) \(two(local.hour)):\(two(local.minute))"
    }

    /// The hash of the log entry that made `target` justerat: the head right after it.
    static func logHead(after justering: (revision: Int, sha256: String, on: CalendarDate), target: SigningTarget, store: SigningStore) throws -> String {
        guard let sequence = try logSequence(of: target, store: store),
              let row = try store.connection.queryOne("SELECT sha256 FROM log_entry WHERE committee = ? AND sequence = ?",
                                                      [target.meeting.committee, Int64(sequence)]) else {
            throw ServiceError(.internal, "the justering of \(MeetingStore.name(target.meeting)) has no log entry")
        }
        return try row.get(0, as: String.self)
    }
}
