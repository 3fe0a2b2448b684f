import KansliProtocol

/// A numbered paragraph of the minutes, with who chaired it and its quorum.
public struct Paragraph: Codable, Sendable, Equatable {
    /// Its number in the committee's yearly sequence.
    public var number: Int
    /// What it records.
    public var content: ParagraphContent
    /// Who chaired it (person id).
    public var chair: String
    /// The chair's name and political party.
    public var chairName: String
    /// How many served, of how many seats, and how many were needed.
    public var quorum: Quorum

    /// A `Paragraph`.
    public init(number: Int, content: ParagraphContent, chair: String, chairName: String, quorum: Quorum) {
        self.number = number
        self.content = content
        self.chair = chair
        self.chairName = chairName
        self.quorum = quorum
    }
}
