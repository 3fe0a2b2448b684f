import KansliProtocol

/// A ledamot or ersättare and their attendance: present from and through which paragraphs, jäv, and
/// whom they served for.
public struct Attendee: Codable, Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The name.
    public var name: String
    /// The appointing party's code.
    public var party: String
    /// The appointing party's name.
    public var partyName: String
    /// The political party (`S`, `MP` …).
    public var politicalParty: String
    /// Ledamot or ersättare.
    public var kind: MemberKind
    /// Presidium roles that day: `chair`, `vice-chair`.
    public var roles: [String]
    /// Whether they attended at all.
    public var attends: Bool
    /// The first paragraph they attended, when they arrived late.
    public var from: Int?
    /// The last paragraph they attended, when they left early.
    public var through: Int?
    /// Paragraphs they left for jäv.
    public var recusals: [Int]
    /// For an ersättare: whom they served for, and when.
    public var serving: [ServiceSpan]

    /// A `Attendee`.
    public init(person: String, name: String, party: String, partyName: String, politicalParty: String, kind: MemberKind, roles: [String] = [], attends: Bool = false, from: Int? = nil, through: Int? = nil, recusals: [Int] = [], serving: [ServiceSpan] = []) {
        self.person = person
        self.name = name
        self.party = party
        self.partyName = partyName
        self.politicalParty = politicalParty
        self.kind = kind
        self.roles = roles
        self.attends = attends
        self.from = from
        self.through = through
        self.recusals = recusals
        self.serving = serving
    }
}
