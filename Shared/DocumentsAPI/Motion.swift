import KansliProtocol

/// A motion (yrkande) at a paragraph.
public struct Motion: Codable, Sendable, Equatable {
    /// Who moved it (person id).
    public var person: String
    /// What was moved.
    public var text: String

    /// A `Motion`.
    public init(person: String, text: String) {
        self.person = person
        self.text = text
    }
}
