import KansliProtocol

/// What a paragraph (§) of the minutes records.
public struct ParagraphContent: Codable, Sendable, Equatable {
    /// The title.
    public var title: String
    /// The case number (ärendenr).
    public var caseNumber: String?
    /// The decision (beslut).
    public var decision: String
    /// The summary of the case (sammanfattning av ärendet).
    public var summary: String?
    /// What happened at the meeting (sammanträdet).
    public var proceedings: String?
    /// Motions (yrkanden).
    public var motions: [Motion]
    /// How the decision was reached: by proposition or by a vote.
    public var decisionMethod: DecisionMethod?
    /// The beslutsgång as the minutes word it.
    public var decisionProcess: String?
    /// The vote, when there was one.
    public var vote: Vote?
    /// Reservations against the decision.
    public var reservations: [Reservation]
    /// Whether the meeting declared this paragraph justerat at once (omedelbar justering).
    public var immediateJustering: Bool
    /// The documents the decision is based on (beslutsunderlag).
    public var documents: [String]
    /// Who the decision is sent to (beslutet skickas till).
    public var distribution: [String]
    /// Who chaired this paragraph (person id); by default the chair, else the vice chair, whichever
    /// serves.
    public var chair: String?
    /// Set when the paragraph is secret: its content renders only into the confidential annex.
    public var confidential: Confidentiality?

    /// A `ParagraphContent`.
    public init(title: String, caseNumber: String? = nil, decision: String, summary: String? = nil, proceedings: String? = nil, motions: [Motion] = [], decisionMethod: DecisionMethod? = nil, decisionProcess: String? = nil, vote: Vote? = nil, reservations: [Reservation] = [], immediateJustering: Bool = false, documents: [String] = [], distribution: [String] = [], chair: String? = nil, confidential: Confidentiality? = nil) {
        self.title = title
        self.caseNumber = caseNumber
        self.decision = decision
        self.summary = summary
        self.proceedings = proceedings
        self.motions = motions
        self.decisionMethod = decisionMethod
        self.decisionProcess = decisionProcess
        self.vote = vote
        self.reservations = reservations
        self.immediateJustering = immediateJustering
        self.documents = documents
        self.distribution = distribution
        self.chair = chair
        self.confidential = confidential
    }
}
