import KansliProtocol

/// One item of an agenda (föredragningslista), as a kallelse shows it.
public struct AgendaItem: Codable, Sendable, Equatable {
    /// The item's title.
    public var title: String
    /// Its case number (ärendenummer), as the diarium gave it or `documents.casenumber.allocate`
    /// allocated it.
    public var caseNumber: String?
    /// Who presents it (föredragande).
    public var speaker: String?
    /// When it is planned, `HH:MM`.
    public var time: String?
    /// The case description (ärendebeskrivning); blank lines separate paragraphs, lines starting
    /// with `- ` are list items.
    public var description: String?
    /// The proposed decision (förslag till beslut).
    public var proposedDecision: String?
    /// The documents the decision is based on (beslutsunderlag).
    public var documents: [String]
    /// Who the decision is sent to (expedieras till).
    public var distribution: [String]
    /// Set when the item is secret: its content is never published.
    public var confidential: Confidentiality?

    /// A `AgendaItem`.
    public init(title: String, caseNumber: String? = nil, speaker: String? = nil, time: String? = nil, description: String? = nil, proposedDecision: String? = nil, documents: [String] = [], distribution: [String] = [], confidential: Confidentiality? = nil) {
        self.title = title
        self.caseNumber = caseNumber
        self.speaker = speaker
        self.time = time
        self.description = description
        self.proposedDecision = proposedDecision
        self.documents = documents
        self.distribution = distribution
        self.confidential = confidential
    }
}
