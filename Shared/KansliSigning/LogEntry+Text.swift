import KansliCrypto
import KansliPlatform

extension LogEntry {
    /// The exact text of the entry (docs/SIGNING.md §3).
    public func text() throws(SigningFormatError) -> String {
        guard FieldText.isValidValue(committee) else {
            throw SigningFormatError(line: 0, "committee is empty, has a control character or a space at an end")
        }
        guard sequence >= 1 else { throw SigningFormatError(line: 0, "sequence must be 1 or more") }
        guard previousHash.count == 32 else { throw SigningFormatError(line: 0, "previous-sha256 is 32 bytes") }
        guard LogEntry.isValidName(event) else { throw SigningFormatError(line: 0, "event must be 1–40 of a–z, 0–9, -") }
        var seen = Set(LogEntry.commonNames)
        for field in fields {
            guard LogEntry.isValidName(field.name), seen.insert(field.name).inserted else {
                throw SigningFormatError(line: 0, "field \(field.name) is not a name of a–z, 0–9, - or is used twice")
            }
            guard FieldText.isValidValue(field.value) else {
                throw SigningFormatError(line: 0, "the value of \(field.name) is empty, has a control character or a space at an end")
            }
        }
        let common = [committee, String(sequence), Hex.encode(previousHash, uppercase: true), time.iso8601(.milliseconds), event]
        return FieldText.render(header: LogEntry.header,
                                fields: Array(zip(LogEntry.commonNames, common)) + fields.map { ($0.name, $0.value) })
    }

    /// The bytes whose SHA-256 is the entry's hash.
    public func bytes() throws(SigningFormatError) -> [UInt8] { Array(try text().utf8) }

    /// The entry's hash: the SHA-256 of its bytes, which the next entry holds.
    public func hash() throws(SigningFormatError) -> [UInt8] { SHA256.hash(try bytes()) }

    /// Reads an entry, refusing any text that `text()` would not have written byte for byte.
    public init(parsing bytes: [UInt8]) throws(SigningFormatError) {
        let all = try FieldText.parse(bytes, header: LogEntry.header)
        let common = try FieldText.expect(Array(all.prefix(LogEntry.commonNames.count)), LogEntry.commonNames)
        guard let sequence = SignatureStatement.number(common[1]) else {
            throw SigningFormatError(line: 3, "sequence must be a number without leading zeros")
        }
        let previous = try FieldText.hash(common[2], line: 4, field: "previous-sha256")
        guard let time = Timestamp(iso8601: common[3]), time.iso8601(.milliseconds) == common[3] else {
            throw SigningFormatError(line: 5, "time must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ")
        }
        self.init(committee: common[0], sequence: sequence, previousHash: previous, time: time, event: common[4],
                  fields: all.dropFirst(LogEntry.commonNames.count).map { Field($0.name, $0.value) })
        guard try self.bytes() == bytes else {
            throw SigningFormatError(line: 0, "not in canonical form")
        }
    }
}
