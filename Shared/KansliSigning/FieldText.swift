import KansliCrypto

/// The line format both texts share: a fixed first line, then one `name: value` per line in a
/// fixed order, LF line ends, a final LF, UTF-8 without a byte-order mark.
enum FieldText {
    /// The most bytes a statement or entry may have: far more than any holds, small enough to
    /// read untrusted text without worry.
    static let maximumBytes = 16 * 1024

    /// Whether `value` may stand as a field's value: not empty, no control character (so no line
    /// break), no space at either end.
    static func isValidValue(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              first != " ", last != " " else { return false }
        return !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }

    /// The text of `header` and `fields`, each line ending in LF.
    static func render(header: String, fields: [(String, String)]) -> String {
        var text = header + "\n"
        for (name, value) in fields { text += "\(name): \(value)\n" }
        return text
    }

    /// Splits `bytes` into the header line and the `name: value` fields, refusing anything not
    /// written exactly as `render` writes it.
    static func parse(_ bytes: [UInt8], header: String) throws(SigningFormatError) -> [(name: String, value: String)] {
        guard bytes.count <= maximumBytes else {
            throw SigningFormatError(line: 0, "longer than \(maximumBytes) bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SigningFormatError(line: 0, "not valid UTF-8")
        }
        guard bytes.last == 0x0A else { throw SigningFormatError(line: 0, "does not end with a line feed (LF)") }
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.first == header else {
            throw SigningFormatError(line: 1, "expected \"\(header)\"")
        }
        var fields: [(name: String, value: String)] = []
        for (index, line) in lines.enumerated().dropFirst() {
            guard let separator = line.utf8.firstIndex(of: UInt8(ascii: ":")),
                  line.utf8.index(after: separator) < line.utf8.endIndex,
                  line.utf8[line.utf8.index(after: separator)] == UInt8(ascii: " ") else {
                throw SigningFormatError(line: index + 1, "expected \"name: value\"")
            }
            let name = String(line[..<separator])
            let value = String(line[line.utf8.index(separator, offsetBy: 2)...])
            guard isValidValue(value) else {
                throw SigningFormatError(line: index + 1, "the value of \(name) is empty, has a control character (a CR?) or a space at an end")
            }
            fields.append((name, value))
        }
        return fields
    }

    /// Reads the fields in the order `names` gives, refusing a missing, extra or misplaced one.
    static func expect(_ fields: [(name: String, value: String)], _ names: [String]) throws(SigningFormatError) -> [String] {
        for (index, name) in names.enumerated() {
            guard index < fields.count else {
                throw SigningFormatError(line: index + 2, "missing \(name)")
            }
            guard fields[index].name == name else {
                throw SigningFormatError(line: index + 2, "expected \(name), found \(fields[index].name)")
            }
        }
        guard fields.count == names.count else {
            throw SigningFormatError(line: names.count + 2, "unexpected line after \(names.last ?? "the header")")
        }
        return fields.map(\.value)
    }

    /// A SHA-256 as 64 uppercase hex digits.
    static func hash(_ text: String, line: Int, field: String) throws(SigningFormatError) -> [UInt8] {
        guard text.utf8.count == 64, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }),
              let bytes = Hex.decode(text) else {
            throw SigningFormatError(line: line, "\(field) must be a SHA-256 as 64 uppercase hex digits")
        }
        return bytes
    }
}
