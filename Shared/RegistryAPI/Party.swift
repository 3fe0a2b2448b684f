import KansliProtocol

/// A party (*part*) of a committee: a member municipality or region. Never a political party.
///
/// A party is identified by its `code` within its committee. Its membership runs from `joinedOn`
/// to `leftOn` (the last day, inclusive; nil while it is still a member).
public struct Party: Codable, Sendable, Equatable {
    /// The party's id within the committee, e.g. `lulea`; see `RecordID`.
    public var code: String
    /// The party's name, e.g. "Luleå kommun".
    public var name: String
    /// Municipality or region.
    public var kind: PartyKind
    /// The party's organisationsnummer as `NNNNNN-NNNN`; see `OrganisationNumber`.
    public var organisationNumber: String
    /// Whether this party is the host (*värdkommun*): it keeps the records, employs the staff and
    /// invoices the others. One host at a time.
    public var isHost: Bool
    /// The first day of membership.
    public var joinedOn: CalendarDate
    /// The last day of membership, once the party has left.
    public var leftOn: CalendarDate?
    /// How many ledamöter the party appoints (seats numbered 1…memberSeats).
    public var memberSeats: Int
    /// How many ersättare the party appoints (seats numbered 1…substituteSeats).
    public var substituteSeats: Int
    /// What invoicing needs.
    public var invoicing: InvoiceDetails
    /// A free-text note, e.g. where the organisationsnummer was checked.
    public var note: String?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?

    /// A party; one ledamot and one ersättare seat unless told otherwise.
    public init(code: String, name: String, kind: PartyKind, organisationNumber: String, isHost: Bool = false,
                joinedOn: CalendarDate, leftOn: CalendarDate? = nil, memberSeats: Int = 1,
                substituteSeats: Int = 1, invoicing: InvoiceDetails = InvoiceDetails(), note: String? = nil, revision: Int? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.organisationNumber = organisationNumber
        self.isHost = isHost
        self.joinedOn = joinedOn
        self.leftOn = leftOn
        self.memberSeats = memberSeats
        self.substituteSeats = substituteSeats
        self.invoicing = invoicing
        self.note = note
        self.revision = revision
    }

    /// The days the party is a member.
    public var membership: DateSpan { DateSpan(from: joinedOn, to: leftOn) }

    /// Whether the party is a member on `date`.
    public func isMember(on date: CalendarDate) -> Bool { membership.contains(date) }

    /// Decodes a party; `isHost` (false), the seat counts (1), `invoicing` and `note` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(PartyKind.self, forKey: .kind)
        organisationNumber = try container.decode(String.self, forKey: .organisationNumber)
        isHost = try container.decodeIfPresent(Bool.self, forKey: .isHost) ?? false
        joinedOn = try container.decode(CalendarDate.self, forKey: .joinedOn)
        leftOn = try container.decodeIfPresent(CalendarDate.self, forKey: .leftOn)
        memberSeats = try container.decodeIfPresent(Int.self, forKey: .memberSeats) ?? 1
        substituteSeats = try container.decodeIfPresent(Int.self, forKey: .substituteSeats) ?? 1
        invoicing = try container.decodeIfPresent(InvoiceDetails.self, forKey: .invoicing) ?? InvoiceDetails()
        note = try container.decodeIfPresent(String.self, forKey: .note)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision)
    }
}
