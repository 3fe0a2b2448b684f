import Foundation
import RegistryAPI

// A committee file's JSON form (docs/registry-file-format.md). It lives in the CLI, which may
// link Foundation, so that RegistryAPI, shared with the services, links none (issue 6).
extension CommitteeFile {
    /// The document as JSON: sorted keys, pretty printed, slashes unescaped, a final newline.
    ///
    /// Foundation's JSONEncoder with exactly these options writes the shipped seed files and
    /// every export; changing them changes every exported byte (tests compare the seed files).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Decodes a document from JSON. A `DecodingError` names the path of a malformed value.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(CommitteeFile.self, from: jsonData)
    }
}
