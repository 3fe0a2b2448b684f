/// A signed document as a plain folder that verifies without Kansli.
public struct ExportedFolder: Codable, Sendable, Equatable {
    /// A name for the folder, e.g. `NBE-2022-06-22-protokoll-r1`.
    public var name: String
    /// Its files, in the order docs/SIGNING.md §4 lists them.
    public var files: [ExportedFile]

    /// An `ExportedFolder`.
    public init(name: String, files: [ExportedFile]) {
        self.name = name
        self.files = files
    }
}
