import KansliProtocol

/// Which ersättare stands in first for which ledamot: either a personal pairing (*personlig
/// ersättare*: this ersättare for that ledamot) or a place in the party's order of service
/// (*tjänstgöringsordning*: rank 1 is called first for any absent ledamot of the party).
///
/// Exactly one of `ledamot` and `rank` is set. Both appointments belong to the same party: an
/// ersättare only ever serves for a ledamot of the party (municipality or region) that appointed
/// them, whatever their political parties.
public struct SubstitutePairing: Codable, Sendable, Equatable {
    /// The pairing's id within the committee, e.g. `johan-johansson-for-lena-goldkuhl`.
    public var id: String
    /// The ersättare's appointment id.
    public var substitute: String
    /// For a personal pairing: the ledamot's appointment id.
    public var ledamot: String?
    /// For an order of service: the ersättare's place, from 1.
    public var rank: Int?
    /// The first day the pairing holds.
    public var from: CalendarDate
    /// The last day the pairing holds.
    public var to: CalendarDate

    /// Set when the record was withdrawn as entered by mistake (`registry.withdraw`): it then takes
    /// part in no composition, list or rule, but stays in the history.
    public var withdrawn: Withdrawal?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?

    /// A pairing.
    public init(id: String, substitute: String, ledamot: String? = nil, rank: Int? = nil, from: CalendarDate,
                to: CalendarDate, withdrawn: Withdrawal? = nil, revision: Int? = nil) {
        self.id = id
        self.substitute = substitute
        self.ledamot = ledamot
        self.rank = rank
        self.from = from
        self.to = to
        self.withdrawn = withdrawn
        self.revision = revision
    }

    /// The days of the pairing.
    public var span: DateSpan { DateSpan(from: from, to: to) }

    /// Whether this is a personal pairing (as opposed to an order of service).
    public var isPersonal: Bool { ledamot != nil }
}
