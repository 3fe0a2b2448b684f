/// Asks for a signed document as its export folder (docs/SIGNING.md §4).
public struct ExportRequest: Codable, Sendable, Equatable {
    /// The signed document.
    public var target: SigningTarget
    /// Whether the confidential annex goes with it (a confidential export; needs an admin key).
    public var includeAnnex: Bool

    /// An `ExportRequest`.
    public init(target: SigningTarget, includeAnnex: Bool = false) {
        self.target = target
        self.includeAnnex = includeAnnex
    }
}
