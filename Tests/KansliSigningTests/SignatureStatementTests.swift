import KansliCrypto
import KansliPlatform
import KansliTestSupport
import Testing
@testable import KansliSigning

@Suite("Signature statements")
struct SignatureStatementTests {
    static let seedHash = Hex.decode("A43C61BA408EC77122178361E119AB31D968849A67B01C25A4DF96311E52DCC5")!

    static func isak(roles: Set<SigningRole> = [.chair]) -> SignatureStatement {
        SignatureStatement(kind: .protocol_, committee: "NBE", meetingDate: CivilDate("2022-06-22")!, revision: 1,
                           documentHash: seedHash, signerID: "isak-utsi", signerName: "Isak Utsi", roles: roles,
                           time: StockholmTime.parse("2022-06-29T17:19")!)
    }

    @Test("the worked example of docs/SIGNING.md is what the code writes, byte for byte, with the hash it states")
    func workedExample() throws {
        let documented = try SigningDocument.block("statement-example")
        let written = try Self.isak().bytes()
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: documented, as: UTF8.self))
        #expect(written.count == 305)
        #expect(Hex.encode(SHA256.hash(written), uppercase: true) == (try SigningDocument.hash(after: "SHA-256 of the statement")))
        #expect(try SignatureStatement(parsing: documented) == Self.isak())
    }

    @Test("the example's signature verifies in an independent implementation (Python's cryptography) and a changed byte does not")
    func exampleSignatureVerifiesInPython() throws {
        let statement = try SigningDocument.block("statement-example")
        let signature = try #require(SigningDocument.text.firstMatch(of: /signature \(hex\) \| `([0-9a-f]{128})`/)).output.1
        let key = try #require(SigningDocument.text.firstMatch(of: /public key \(hex\) \| `([0-9a-f]{64})`/)).output.1
        let script = """
            import sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            data = sys.stdin.buffer.read()
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex("\(key)"))
            for message in (data, data.replace(b"revision: 1", b"revision: 2")):
                try:
                    key.verify(bytes.fromhex("\(signature)"), message); print("valid")
                except Exception:
                    print("invalid")
            """
        let output = String(decoding: try Python.run(script, input: statement), as: UTF8.self)
        #expect(output == "valid\ninvalid\n")
    }

    @Test("roles are written once each, secretary first, and read back")
    func rolesInOrder() throws {
        let text = try Self.isak(roles: [.adjuster, .secretary, .chair]).text()
        #expect(text.contains("\nroles: sekreterare, ordförande, justerare\n"))
        #expect(try SignatureStatement(parsing: Array(text.utf8)).roles == [.adjuster, .secretary, .chair])
    }

    @Test("an extract names its paragraph and the protocol's hash; a paragraph under omedelbar justering its number")
    func extractAndParagraph() throws {
        var extract = Self.isak(roles: [.secretary])
        extract.kind = .extract
        extract.paragraph = 12
        extract.documentHash = SHA256.hash(Array("utdrag".utf8))
        extract.sourceHash = Self.seedHash
        let text = try extract.text()
        #expect(text.contains("\nkind: utdrag\n") && text.contains("\nparagraph: 12\n"))
        #expect(text.contains("\nsource-sha256: A43C61BA"))
        #expect(try SignatureStatement(parsing: Array(text.utf8)) == extract)

        var paragraph = Self.isak()
        paragraph.kind = .paragraph
        #expect(throws: SigningFormatError.self) { try paragraph.text() }
        paragraph.paragraph = 15
        #expect(try SignatureStatement(parsing: try paragraph.bytes()) == paragraph)
    }

    @Test("a statement that cannot be written on its lines is refused, naming why")
    func invalidStatements() {
        var statement = Self.isak()
        statement.signerName = "Isak\nUtsi"
        #expect(throws: SigningFormatError.self) { try statement.text() }
        statement = Self.isak(roles: [])
        #expect(throws: SigningFormatError.self) { try statement.text() }
        statement = Self.isak()
        statement.revision = 0
        #expect(throws: SigningFormatError.self) { try statement.text() }
        statement = Self.isak()
        statement.documentHash = [1, 2, 3]
        #expect(throws: SigningFormatError.self) { try statement.text() }
        statement = Self.isak()
        statement.sourceHash = Self.seedHash
        #expect(throws: SigningFormatError.self) { try statement.text() }
    }

    @Test("any text not written exactly as the document defines is refused, with its line",
          arguments: [
            ("kind: protokoll", "kind: Protokoll", 2),
            ("revision: 1", "revision: 01", 5),
            ("A43C61BA408EC771", "a43c61ba408ec771", 7),
            ("roles: ordförande", "roles: ordförande, ordförande", 12),
            ("time: 2022-06-29T15:19:00.000Z", "time: 2022-06-29T17:19:00.000+02:00", 13),
            ("name: Isak Utsi", "name:  Isak Utsi", 11),
            ("signer: isak-utsi\n", "signer: isak-utsi\r\n", 10),
            ("paragraph: -\n", "", 6),
            ("Kansli signature statement v1", "Kansli signature statement v2", 1),
          ])
    func strictReading(original: String, replacement: String, line: Int) throws {
        let text = try Self.isak().text()
        #expect(text.contains(original))
        let changed = Array(text.replacingOccurrences(of: original, with: replacement).utf8)
        let error = #expect(throws: SigningFormatError.self) { try SignatureStatement(parsing: changed) }
        #expect(error?.line == line, "\(error?.description ?? "")")
    }

    @Test("a missing final line feed, invalid UTF-8, a byte-order mark and an oversized text are refused")
    func wholeText() throws {
        let bytes = try Self.isak().bytes()
        for changed in [Array(bytes.dropLast()), bytes + [0xFF], [0xEF, 0xBB, 0xBF] + bytes,
                        bytes + Array(repeating: 0x41, count: 17_000)] {
            #expect(throws: SigningFormatError.self) { try SignatureStatement(parsing: changed) }
        }
    }

    @Test("the key's validity is judged on the Stockholm date of the time: 00:30 Stockholm is the day before in UTC")
    func stockholmDate() {
        var statement = Self.isak()
        statement.time = StockholmTime.parse("2022-07-01T00:30")!
        #expect(statement.time.iso8601(.milliseconds) == "2022-06-30T22:30:00.000Z")
        #expect(statement.stockholmDate == CivilDate("2022-07-01"))
    }
}
