import KansliCrypto
import KansliPlatform

extension SignatureStatement {
    /// Checks what the text cannot carry: every value writable on one line, a positive revision,
    /// a paragraph exactly where the kind needs one, a source hash exactly for an extract,
    /// hashes of 32 bytes, at least one role.
    public func validate() throws(SigningFormatError) {
        for (name, value) in [("committee", committee), ("signer", signerID), ("name", signerName)]
        where !FieldText.isValidValue(value) {
            throw SigningFormatError(line: 0, "\(name) is empty, has a control character or a space at an end")
        }
        guard revision >= 1 else { throw SigningFormatError(line: 0, "revision must be 1 or more") }
        if let paragraph, paragraph < 1 { throw SigningFormatError(line: 0, "paragraph must be 1 or more") }
        guard (kind == .protocol_) == (paragraph == nil) else {
            throw SigningFormatError(line: 0, kind == .protocol_ ? "a protocol's statement names no paragraph"
                                                               : "a \(kind.rawValue) statement names its paragraph")
        }
        guard (kind == .extract) == (sourceHash != nil) else {
            throw SigningFormatError(line: 0, kind == .extract ? "an extract's statement names the protocol's hash (source)"
                                                              : "only an extract's statement has a source hash")
        }
        for hash in [documentHash, annexHash ?? documentHash, sourceHash ?? documentHash] where hash.count != 32 {
            throw SigningFormatError(line: 0, "a SHA-256 is 32 bytes, not \(hash.count)")
        }
        guard !roles.isEmpty else { throw SigningFormatError(line: 0, "a statement signs for at least one role") }
    }

    /// The exact text that is signed (docs/SIGNING.md §2).
    public func text() throws(SigningFormatError) -> String {
        try validate()
        func hex(_ hash: [UInt8]?) -> String { hash.map { Hex.encode($0, uppercase: true) } ?? "-" }
        let values = [kind.rawValue, committee, meetingDate.description, String(revision), paragraph.map(String.init) ?? "-",
                      hex(documentHash), hex(annexHash), hex(sourceHash), signerID, signerName,
                      roles.sorted().map(\.rawValue).joined(separator: ", "), time.iso8601(.milliseconds)]
        return FieldText.render(header: Self.header, fields: Array(zip(Self.fieldNames, values)))
    }

    /// The bytes that are signed: `text()` as UTF-8.
    public func bytes() throws(SigningFormatError) -> [UInt8] { Array(try text().utf8) }

    /// Reads a statement, refusing any text that `text()` would not have written byte for byte.
    public init(parsing bytes: [UInt8]) throws(SigningFormatError) {
        let values = try FieldText.expect(try FieldText.parse(bytes, header: Self.header), Self.fieldNames)
        func line(_ name: String) -> Int { Self.fieldNames.firstIndex(of: name)! + 2 }
        guard let kind = StatementKind(rawValue: values[0]) else {
            throw SigningFormatError(line: line("kind"), "kind must be protokoll, paragraf or utdrag")
        }
        guard let meeting = CivilDate(values[2]) else {
            throw SigningFormatError(line: line("meeting"), "meeting must be a date yyyy-MM-dd")
        }
        guard let revision = Self.number(values[3]) else {
            throw SigningFormatError(line: line("revision"), "revision must be a number without leading zeros")
        }
        var paragraph: Int?
        if values[4] != "-" {
            guard let number = Self.number(values[4]) else {
                throw SigningFormatError(line: line("paragraph"), "paragraph must be a number or -")
            }
            paragraph = number
        }
        let document = try FieldText.hash(values[5], line: line("document-sha256"), field: "document-sha256")
        let annex = values[6] == "-" ? nil : try FieldText.hash(values[6], line: line("annex-sha256"), field: "annex-sha256")
        let source = values[7] == "-" ? nil : try FieldText.hash(values[7], line: line("source-sha256"), field: "source-sha256")
        var roles = Set<SigningRole>()
        for name in values[10].split(separator: ", ", omittingEmptySubsequences: false) {
            guard let role = SigningRole(rawValue: String(name)), roles.insert(role).inserted else {
                throw SigningFormatError(line: line("roles"), "roles must be sekreterare, ordförande, justerare, each once, separated by \", \"")
            }
        }
        guard let time = Timestamp(iso8601: values[11]), time.iso8601(.milliseconds) == values[11] else {
            throw SigningFormatError(line: line("time"), "time must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ")
        }
        self.init(kind: kind, committee: values[1], meetingDate: meeting, revision: revision, paragraph: paragraph,
                  documentHash: document, annexHash: annex, sourceHash: source, signerID: values[8],
                  signerName: values[9], roles: roles, time: time)
        // One text, one meaning: what was read must write back to the same bytes.
        guard try self.bytes() == bytes else {
            throw SigningFormatError(line: line("roles"), "not in canonical form (roles out of order, or a date written differently)")
        }
    }

    /// A decimal number of at most nine digits without a leading zero.
    static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.first != UInt8(ascii: "0"),
              text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
