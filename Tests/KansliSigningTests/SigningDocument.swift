import Foundation
import KansliCrypto

/// docs/SIGNING.md, and the examples the tests read from it.
enum SigningDocument {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let text: String = {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/SIGNING.md"), encoding: .utf8)) ?? ""
    }()

    /// The bytes of the code block after `<!-- marker -->`, each line ending in LF.
    static func block(_ marker: String) throws -> [UInt8] {
        guard let start = text.range(of: "<!-- \(marker) -->\n```\n"),
              let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex) else {
            throw Failure(description: "docs/SIGNING.md has no block after <!-- \(marker) -->")
        }
        return Array((String(text[start.upperBound..<end.lowerBound]) + "\n").utf8)
    }

    /// The first 64-digit uppercase hex string after `label` in the document.
    static func hash(after label: String) throws -> String {
        guard let start = text.range(of: label) else { throw Failure(description: "no \(label)") }
        let rest = text[start.upperBound...]
        guard let match = rest.firstMatch(of: /[0-9A-F]{64}/) else { throw Failure(description: "no hash after \(label)") }
        return String(match.output)
    }
}
