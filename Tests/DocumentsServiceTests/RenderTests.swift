import DocumentsAPI
import Foundation
import KansliProtocol
import Testing
@testable import DocumentsService

@Suite("Rendering: deterministic Swedish HTML with its data block, confidential annex, kallelse and extract")
struct RenderTests {
    /// The JSON of the `kansli-data` block.
    static func data(_ html: String) throws -> [String: Any] {
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"kansli-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let json = String(html[open.upperBound..<close.lowerBound])
        #expect(!json.contains("</"))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("the same content renders to the same bytes; lang sv, viewport, A4, headings in order, table headers")
    func deterministicAndAccessible() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let first = try hosts.render()
        #expect(try hosts.render() == first)
        let html = first.text
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("<th scope=\"col\">Namn</th>"))
        #expect(html.contains("<a href=\"#p12\">§ 12</a>"))
        #expect(html.contains("id=\"p12\""))
        var level = 0
        for match in html.split(separator: "<h").dropFirst() {
            guard let digit = match.first?.wholeNumberValue else { continue }
            #expect(digit <= level + 1, "a heading h\(digit) after h\(level)")
            level = digit
        }
        let data = try Self.data(html)
        #expect(data["format"] as? String == "kansli-protocol")
        #expect((data["paragraphs"] as? [Any])?.count == 9)
        #expect(first.sha256.count == 64)
    }

    @Test("a confidential paragraph shows in public only its number, title and ground; its content goes to the annex")
    func confidential() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        var secret = SeedMeeting.paragraphs[2]
        secret.decision = "Hemligt beslut om </script><script>alert(1)</script> personärende."
        secret.confidential = Confidentiality(ground: "OSL 39 kap. 3 §")
        try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 10, content: secret))
        let html = try hosts.render().text
        #expect(!html.contains("Hemligt beslut"))
        #expect(html.contains("OSL 39 kap. 3 §"))
        #expect(html.contains("§ 10 Grundläggande granskning Älvsbyns kommun"))
        let data = try Self.data(html)
        #expect((data["paragraphs"] as? [Any])?.count == 8)
        #expect((data["confidentialParagraphs"] as? [[String: Any]])?.first?["ground"] as? String == "OSL 39 kap. 3 §")
        let annex = try hosts.render(.annex).text
        #expect(annex.contains("Hemligt beslut om &lt;/script&gt;"))
        let annexData = try Self.data(annex)
        #expect(annexData["format"] as? String == "kansli-protocol-annex")
        let decision = ((annexData["paragraphs"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["decision"] as? String
        #expect(decision == secret.decision, "the escaped JSON reads back to the same text")
        #expect(!(try hosts.render(.protocol, .text).text.contains("Hemligt")))
    }

    @Test("the kallelse lists the chair, ledamöter, ersättare and the agenda with case numbers; the extract one paragraph")
    func kallelseAndExtract() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let kallelse = try hosts.render(.kallelse, .text).text
        #expect(kallelse.contains("KALLELSE"))
        #expect(kallelse.contains("Carina Sammeli (S)"))
        #expect(kallelse.contains("5. Budget 2023"))
        #expect(kallelse.contains("2022/13-2.2.0.1"))
        let extract = try hosts.render(.extract, .html, paragraph: 12)
        #expect(extract.fileName == "NBE-2022-06-22-utdrag-p12-r1.html")
        #expect(extract.text.contains("Utdrag ur protokoll"))
        #expect(!extract.text.contains("Delårsrapport 2022"))
        #expect(try Self.data(extract.text)["format"] as? String == "kansli-extract")
    }
}
