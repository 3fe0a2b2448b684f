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
}
