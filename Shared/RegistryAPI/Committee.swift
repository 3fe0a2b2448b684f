import KansliProtocol

/// A joint committee (*gemensam nämnd*): the top record of the registry, under which every other
/// record lives. A deployment may hold several.
///
/// The host party is not stored here but on the parties (`Party.isHost`), so there is one source
/// of truth; `CommitteeOverview.hostParty` reports it.
public struct Committee: Codable, Sendable, Equatable {
    /// The committee's code, unique in the deployment (`NBE`); see `CommitteeCode`.
    public var code: String
    /// The full name, e.g. "Norrbottens e-nämnd".
    public var name: String
    /// The short name used in headers and lists, e.g. "E-nämnden".
    public var shortName: String
    /// The template of the committee's case numbers, e.g. `{year}/{serial}-{class}`; see
    /// `CaseNumberFormat`.
    public var caseNumberFormat: String
    /// The day the committee was established, if known; no party can have joined before it.
    public var establishedOn: CalendarDate?
    /// The committee's last day, once it has been wound up.
    public var endedOn: CalendarDate?
    /// Free-text notes about the committee's data: where it comes from, what is assumed or
    /// illustrative. Kept in order through import and export.
    public var notes: [String]
    /// The local political parties (*lokala partier*) the committee's members may belong to
    /// besides the national ones (S, M, SD, C, V, KD, L, MP), by name as the minutes write them,
    /// e.g. "Kommunens väl". An appointment naming any other political party is refused. Nil: none.
    public var localPoliticalParties: [String]?
    /// Which mandate periods appointments may name; nil is `electionTerms`, the terms that follow
    /// general elections.
    public var mandatePeriodRule: MandatePeriodRule?

    /// A committee.
    public init(code: String, name: String, shortName: String, caseNumberFormat: String,
                establishedOn: CalendarDate? = nil, endedOn: CalendarDate? = nil, notes: [String] = [],
                localPoliticalParties: [String]? = nil, mandatePeriodRule: MandatePeriodRule? = nil) {
        self.localPoliticalParties = localPoliticalParties
        self.mandatePeriodRule = mandatePeriodRule
        self.code = code
        self.name = name
        self.shortName = shortName
        self.caseNumberFormat = caseNumberFormat
        self.establishedOn = establishedOn
        self.endedOn = endedOn
        self.notes = notes
    }

    /// The days the committee exists.
    public var lifetime: DateSpan? {
        establishedOn.map { DateSpan(from: $0, to: endedOn) }
    }

    /// Decodes a committee; `notes`, `localPoliticalParties` and `mandatePeriodRule` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        shortName = try container.decode(String.self, forKey: .shortName)
        caseNumberFormat = try container.decode(String.self, forKey: .caseNumberFormat)
        establishedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .establishedOn)
        endedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .endedOn)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        localPoliticalParties = try container.decodeIfPresent([String].self, forKey: .localPoliticalParties)
        mandatePeriodRule = try container.decodeIfPresent(MandatePeriodRule.self, forKey: .mandatePeriodRule)
    }
}
