import KansliProtocol

// Messages of the registry.committee.* methods.

/// `registry.committee.create`: a new committee. Fails with `conflict` if the code is taken.
public struct CommitteeCreate: Codable, Sendable, Equatable {
    /// The committee to create.
    public var committee: Committee

    /// A request to create `committee`.
    public init(committee: Committee) {
        self.committee = committee
    }
}

/// `registry.committee.update`: replaces every field of an existing committee, found by its code.
/// Send the whole record (get it first); fields left out are cleared.
public struct CommitteeUpdate: Codable, Sendable, Equatable {
    /// The committee as it should be.
    public var committee: Committee

    /// A request to store `committee`.
    public init(committee: Committee) {
        self.committee = committee
    }
}

/// `registry.committee.end`: the committee is wound up after `lastDay`.
public struct CommitteeEnd: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Its last day.
    public var lastDay: CalendarDate

    /// A request to end `committee` after `lastDay`.
    public init(committee: String, lastDay: CalendarDate) {
        self.committee = committee
        self.lastDay = lastDay
    }
}

/// The answer to `registry.committee.get` and each entry of `registry.committee.list`: the
/// committee with its host and how much it holds.
public struct CommitteeOverview: Codable, Sendable, Equatable {
    /// The committee.
    public var committee: Committee
    /// The code of the current host party (the host that has not left; else the last host), if any.
    public var hostParty: String?
    /// How many records of each kind the committee holds, history included.
    public var counts: RecordCounts

    /// An overview.
    public init(committee: Committee, hostParty: String?, counts: RecordCounts) {
        self.committee = committee
        self.hostParty = hostParty
        self.counts = counts
    }
}
