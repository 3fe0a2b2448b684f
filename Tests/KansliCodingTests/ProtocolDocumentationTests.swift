import Foundation
import KansliCoding
import Testing

/// The worked example of the protocol documentation is what the encoder writes, and the
/// documentation still shows it (docs/PROTOCOL.md, §3).
@Suite struct ProtocolDocumentationTests {
    /// The struct of the worked example.
    struct Municipality: Codable, Equatable {
        var name: String
        var population: Int
        var host: Bool
    }

    static let example = Municipality(name: "Luleå", population: 79_000, host: true)
    static let exampleHex = "09 23 03 04 6E 61 6D 65 06 06 4C 75 6C 65 C3 A5 0A 70 6F 70 75 6C 61 74 69 6F 6E 03 B0 D2 09 04 68 6F 73 74 02"

    @Test func theWorkedExampleIsWhatTheEncoderWrites() throws {
        let bytes = try encoded(Self.example)
        #expect(Hex.string(bytes) == Self.exampleHex)
        #expect(bytes.count == 37)
        #expect(try decoded(Municipality.self, bytes) == Self.example)
    }

    @Test func theDocumentationShowsTheWorkedExample() throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = ["docs/PROTOCOL.md"].map { repository.appendingPathComponent($0) }
        let documents = candidates.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        #expect(!documents.isEmpty, "no protocol documentation under \(repository.path)/docs")
        #expect(documents.contains { $0.contains(Self.exampleHex) },
                "the documentation does not show the encoder's bytes for the worked example: \(Self.exampleHex)")
    }

    /// §3 of docs/PROTOCOL.md ("Values"), up to §4.
    static func valuesSection() throws -> String {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: repository.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
        let start = try #require(document.range(of: "## 3. Values"))
        let end = try #require(document.range(of: "## 4. ", range: start.upperBound..<document.endIndex))
        return String(document[start.lowerBound..<end.lowerBound])
    }

    /// The rows of the Markdown table whose header line is `header`, as arrays of trimmed cells.
    static func table(after header: String, in text: String) throws -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex(of: header), "no table headed \(header)")
        return lines[(first + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test("the tag table lists exactly the tags 00–09 and says that 0A–FF are refused")
    func theTagTableIsTheCodersTags() throws {
        let section = try Self.valuesSection()
        let rows = try Self.table(after: "| tag | name | payload |", in: section)
        #expect(rows.map { $0[0] } == (0x00...0x09).map { "`" + Hex.string([UInt8($0)]) + "`" })
        #expect(rows.map { $0[1] } == ["nil", "false", "true", "signed integer", "unsigned integer", "float64",
                                       "string", "bytes", "array", "map"])
        #expect(section.contains("Tags `0A`–`FF` are not values"))
        // And the decoder agrees: 0A is the first byte that is not a tag.
        #expect(decodingError(Int.self, [0x0A])?.code == .invalidTag)
        #expect(decodingError(Int.self, [0x09, 0x01, 0x00])?.code == .typeMismatch)
    }

    @Test("the Swift mapping table offers no type the coder refuses or no longer gives a form")
    func theMappingTableIsWhatTheCoderCarries() throws {
        let rows = try Self.table(after: "| Swift | wire |", in: try Self.valuesSection())
        let swift = rows.map { $0[0] }
        #expect(swift.contains("`[UInt8]`"))
        #expect(rows.first { $0[0] == "`[UInt8]`" }?[1].hasPrefix("`07`") == true)
        for retired in ["`Data`", "`Date`", "`UUID`", "`Decimal`"] {
            #expect(!swift.contains { $0.contains(retired) }, "\(retired) still has a row")
        }
        let refused = try #require(rows.first { $0[0].hasPrefix("`Set`") })
        #expect(refused[1].contains("`unsupported_type`"))
    }

    @Test("every row of the small-values table is what the encoder writes")
    func theSmallValuesTableIsWhatTheEncoderWrites() throws {
        let rows = try Self.table(after: "| value | bytes |", in: try Self.valuesSection())
        let expected: [(String, [UInt8])] = [
            ("`[1, 2, 3]`", try encoded([1, 2, 3])),
            ("`[1, nil, 3] as [Int?]`", try encoded([1, nil, 3] as [Int?])),
            ("`[\"b\": 1, \"a\": 2]`", try encoded(["b": 1, "a": 2])),
            ("`[9: false, 10: true]`", try encoded([9: false, 10: true])),
            ("`[UInt8]([1, 2, 3])`", try encoded([UInt8]([1, 2, 3]))),
            ("`[UInt8]()`", try encoded([UInt8]())),
            ("`1.5`", try encoded(1.5)),
        ]
        for (value, bytes) in expected {
            let row = rows.first { $0[0] == value }
            #expect(row != nil, "no row for \(value)")
            #expect(row?[1].hasPrefix("`" + Hex.string(bytes) + "`") == true, "\(value): \(Hex.string(bytes))")
        }
        let falses = try encoded([Bool](repeating: false, count: 200))
        #expect(Array(falses.prefix(5)) == Hex.bytes("08 CA 01 C8 01") && falses.dropFirst(5).allSatisfy { $0 == 0x01 })
        #expect(rows.contains { $0[0] == "200 × `false`" && $0[1].hasPrefix("`08 CA 01 C8 01`") })
        #expect(rows.count == expected.count + 1, "a row the test does not check")
    }
}
