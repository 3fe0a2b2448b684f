import Foundation
import KansliCoding
import KansliProtocol

// The reader of docs/PROTOCOL.md the protocol-document tests share: its marked sections, tables,
// hex examples and type entries, and just enough of the value format to take encoded maps apart
// independently of KansliCoding. The registry's and finance's document tests both use it.

public enum ProtocolSpec {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// One entry of 6.3: a `#### \`Name\`` heading and the rows of the table under it.
    public struct TypeEntry {
        public var name: String
        public var rows: [[String]]

        /// The rows of a struct's field table.
        public var fields: [Field] {
            rows.filter { $0.count == 4 }.map { Field(name: ProtocolSpec.unquote($0[0]), valueType: $0[1], presence: $0[2]) }
        }
    }

    /// One row of a field table.
    public struct Field {
        public var name: String
        /// As written, e.g. `[Party]` or `calendar date`.
        public var valueType: String
        public var presence: String

        /// The literal after "default" in the presence cell, e.g. `false`, `1`, `[]`, `{}`.
        public var defaultLiteral: String? {
            guard let range = presence.range(of: "default `") else { return nil }
            let rest = presence[range.upperBound...]
            return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
        }
    }

    /// The text between `<!-- NAME -->` and `<!-- /NAME -->` in the spec.
    public static func section(_ name: String) throws -> String {
        let open = "<!-- \(name) -->"
        let close = "<!-- /\(name) -->"
        let text = try text(containing: open)
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
        else { throw Failure(description: "the spec has no section \(open) … \(close)") }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// docs/PROTOCOL.md, which must hold `marker`.
    public static func text(containing marker: String) throws -> String {
        // This file is Tests/RegistryAPITests/ProtocolMessagesDocTests.swift; symlinks are
        // resolved so that a scratch package linking the test folder finds the repository too.
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["docs/PROTOCOL.md"] {
            if let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8),
               text.contains(marker)
            {
                return text
            }
        }
        throw Failure(description: "docs/PROTOCOL.md under \(root.path) does not hold \(marker)")
    }

    /// The bytes of the first ```text block in `section`.
    public static func hexBlock(in section: String) throws -> [UInt8] {
        guard let open = section.range(of: "```text\n"),
              let close = section.range(of: "```", range: open.upperBound..<section.endIndex)
        else { throw Failure(description: "no ```text block in the example") }
        return ProtocolHex.bytes(String(section[open.upperBound..<close.lowerBound]))
    }

    /// The cells of every table row in `text`, trimmed, without the header and `---` rows. A cell
    /// that is one code span loses its backticks: `` `0x0001` `` becomes `0x0001`.
    public static func tableRows(in text: some StringProtocol) -> [[String]] {
        var rows: [[String]] = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            let isHeader = !inTable
            inTable = true
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let isSeparator = cells.allSatisfy { $0.allSatisfy { $0 == "-" || $0 == ":" } }
            if isHeader || isSeparator { continue }
            rows.append(cells.map(unquoteCode))
        }
        return rows
    }

    /// `cell` without its backticks when the whole cell is one code span.
    public static func unquoteCode(_ cell: String) -> String {
        guard cell.count >= 2, cell.hasPrefix("`"), cell.hasSuffix("`"), !cell.dropFirst().dropLast().contains("`")
        else { return cell }
        return String(cell.dropFirst().dropLast())
    }

    /// A cell's name without backticks or quotes.
    public static func unquote(_ cell: String) -> String {
        cell.trimmingCharacters(in: CharacterSet(charactersIn: "`\""))
    }

    /// The entries of 6.3, in the order of the spec.
    public static func typeEntries(inSection name: String = "types") throws -> [TypeEntry] {
        let text = try section(name)
        var entries: [TypeEntry] = []
        var current: (name: String, body: String)?
        func finish() {
            if let current { entries.append(TypeEntry(name: current.name, rows: tableRows(in: current.body))) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#### ") {
                finish()
                current = (unquote(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)), "")
            } else {
                current?.body += line + "\n"
            }
        }
        finish()
        return entries
    }

    public static func typeEntriesByName() throws -> [String: TypeEntry] {
        Dictionary(try typeEntries().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

// MARK: Reading values

/// Just enough of the value format (section 3) to take maps and arrays apart and put maps back
/// together, independently of KansliCoding.
public enum ProtocolWire {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    public static func varint(_ bytes: [UInt8], _ index: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw Failure(description: "truncated varint")
    }

    public static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The index just past the value that starts at `index`.
    public static func end(ofValueAt index: Int, in bytes: [UInt8]) throws -> Int {
        guard index < bytes.count else { throw Failure(description: "no value at \(index)") }
        var position = index + 1
        switch bytes[index] {
        case 0x00, 0x01, 0x02: break
        case 0x03, 0x04: _ = try varint(bytes, &position)
        case 0x05: position += 8
        case 0x06, 0x07, 0x08, 0x09: position += Int(try varint(bytes, &position))
        default: throw Failure(description: "unknown tag \(bytes[index])")
        }
        guard position <= bytes.count else { throw Failure(description: "value runs past the end") }
        return position
    }

    /// The entries of the map `bytes`, in the order they are written.
    public static func mapEntries(_ bytes: [UInt8]) throws -> [(key: String, value: [UInt8])] {
        guard bytes.first == 0x09 else { throw Failure(description: "not a map") }
        var position = 1
        _ = try varint(bytes, &position)
        let count = try varint(bytes, &position)
        var entries: [(key: String, value: [UInt8])] = []
        for _ in 0..<count {
            let keyLength = Int(try varint(bytes, &position))
            let key = String(decoding: bytes[position..<position + keyLength], as: UTF8.self)
            position += keyLength
            let end = try end(ofValueAt: position, in: bytes)
            entries.append((key, Array(bytes[position..<end])))
            position = end
        }
        return entries
    }

    /// The elements of the array `bytes`.
    public static func arrayElements(_ bytes: [UInt8]) throws -> [[UInt8]] {
        guard bytes.first == 0x08 else { throw Failure(description: "not an array") }
        var position = 1
        _ = try varint(bytes, &position)
        let count = try varint(bytes, &position)
        var elements: [[UInt8]] = []
        for _ in 0..<count {
            let end = try end(ofValueAt: position, in: bytes)
            elements.append(Array(bytes[position..<end]))
            position = end
        }
        return elements
    }

    /// A map of `entries`, in their order.
    public static func map(_ entries: some Sequence<(key: String, value: [UInt8])>) -> [UInt8] {
        var body: [UInt8] = []
        var count: UInt64 = 0
        for entry in entries {
            appendVarint(UInt64(entry.key.utf8.count), to: &body)
            body += Array(entry.key.utf8)
            body += entry.value
            count += 1
        }
        var countBytes: [UInt8] = []
        appendVarint(count, to: &countBytes)
        var bytes: [UInt8] = [0x09]
        appendVarint(UInt64(countBytes.count + body.count), to: &bytes)
        return bytes + countBytes + body
    }

    /// What is wrong with `value` as a value of the spec's type `documented`, or nil.
    public static func mismatch(_ value: [UInt8], documentedAs documented: String, enumerations: Set<String>) throws -> String? {
        let type = ProtocolSpec.unquote(documented)
        let tag = value.first ?? 0xFF
        func expect(_ tags: [UInt8]) -> String? {
            tags.contains(tag) ? nil : "documented as \(type), written with tag 0x\(String(tag, radix: 16))"
        }
        if type.hasPrefix("["), type.hasSuffix("]") {
            if let problem = expect([0x08]) { return problem }
            for element in try arrayElements(value) {
                if let problem = try mismatch(element, documentedAs: String(type.dropFirst().dropLast()),
                                              enumerations: enumerations) {
                    return "element: \(problem)"
                }
            }
            return nil
        }
        switch type {
        case "string", "calendar date", "mandate period": return expect([0x06])
        case "int", "timestamp": return expect([0x03])
        case "bool": return expect([0x01, 0x02])
        case "float64": return expect([0x05])
        case "bytes": return expect([0x07])
        case "map string → int":
            if let problem = expect([0x09]) { return problem }
            return try mapEntries(value).contains { $0.value.first != 0x03 } ? "a value is not an int" : nil
        default:
            if enumerations.contains(type) || type == "ErrorCode" { return expect([0x06]) }
            if type.first?.isUppercase == true { return expect([0x09]) }
            return "unknown value type \(type)"
        }
    }

    /// The bytes of a default as the spec writes it: `false`, `true`, an integer, `[]` or `{}`.
    public static func encodeLiteral(_ literal: String) throws -> [UInt8] {
        switch literal {
        case "false": return try BinaryEncoder().encode(false)
        case "true": return try BinaryEncoder().encode(true)
        case "[]": return try BinaryEncoder().encode([Int]())
        case "{}": return try BinaryEncoder().encode(Empty())
        default:
            guard let number = Int(literal) else { throw Failure(description: "unknown default literal \(literal)") }
            return try BinaryEncoder().encode(number)
        }
    }
}

/// Hexadecimal text of bytes, ignoring white space when reading.
public enum ProtocolHex {
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
    }

    public static func bytes(_ text: String) -> [UInt8] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt8($0, radix: 16) }
    }
}
