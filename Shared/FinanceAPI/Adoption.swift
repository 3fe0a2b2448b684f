import KansliProtocol

/// Where a budget was adopted: the meeting's date and the paragraph (§) of its protocol, e.g.
/// 2022-06-22 § 12.
public struct Adoption: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The meeting's date.
    public var protocolDate: CalendarDate
    /// The paragraph number.
    public var paragraph: Int
    /// The date the protocol was justerat, once confirmed (until the documents service answers
    /// this, it records what the caller said).
    public var justeratOn: CalendarDate?
    /// Who confirmed the justering: `documents` or `caller`.
    public var confirmedBy: String?

    /// An adoption, not yet justerat.
    public init(protocolDate: CalendarDate, paragraph: Int, justeratOn: CalendarDate? = nil, confirmedBy: String? = nil) {
        self.protocolDate = protocolDate
        self.paragraph = paragraph
        self.justeratOn = justeratOn
        self.confirmedBy = confirmedBy
    }

    /// `2022-06-22 § 12`.
    public var description: String { "\(protocolDate) § \(paragraph)" }
}
