import KansliProtocol

/// Whether a paragraph is in a justerat protocol (what finance asks before a budget counts as
/// adopted).
public struct ParagraphJustering: Codable, Sendable, Equatable {
    /// The paragraph asked about.
    public var paragraph: ParagraphRef
    /// Its title.
    public var title: String
    /// Its case number.
    public var caseNumber: String?
    /// Its decision.
    public var decision: String
    /// The day it was justerat (the protocol's, or its own under omedelbar justering); nil if not yet.
    public var justeratOn: CalendarDate?
    /// The SHA-256 of the signed document that holds it, once justerat.
    public var documentSHA256: String?

    /// A `ParagraphJustering`.
    public init(paragraph: ParagraphRef, title: String, caseNumber: String? = nil, decision: String, justeratOn: CalendarDate? = nil,
                documentSHA256: String? = nil) {
        self.paragraph = paragraph
        self.title = title
        self.caseNumber = caseNumber
        self.decision = decision
        self.justeratOn = justeratOn
        self.documentSHA256 = documentSHA256
    }
}
