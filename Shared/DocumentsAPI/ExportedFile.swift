/// One file of an export folder.
public struct ExportedFile: Codable, Sendable, Equatable {
    /// Its name in the folder (docs/SIGNING.md §4 fixes them), e.g. `protokoll.html`.
    public var name: String
    /// Its bytes.
    public var bytes: [UInt8]

    /// An `ExportedFile`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
