import KansliProtocol

/// Why an item or paragraph is secret (sekretess): the public documents show only its number, title
/// and this ground.
public struct Confidentiality: Codable, Sendable, Equatable {
    /// The ground for secrecy, e.g. `OSL 39 kap. 3 §`.
    public var ground: String

    /// A `Confidentiality`.
    public init(ground: String) {
        self.ground = ground
    }
}
