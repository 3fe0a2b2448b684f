// Messages of registry.withdraw.

/// `registry.withdraw`: withdraws a record entered by mistake, with the reason.
public struct WithdrawRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The kind of record.
    public var kind: WithdrawableKind
    /// The record's id.
    public var id: String
    /// Why it is withdrawn (required; kept with the record and in the audit trail).
    public var reason: String
    /// The revision of the record the caller read, if it read one.
    public var revision: Int?

    /// A request to withdraw record `id` of `kind` in `committee`.
    public init(committee: String, kind: WithdrawableKind, id: String, reason: String, revision: Int? = nil) {
        self.committee = committee
        self.kind = kind
        self.id = id
        self.reason = reason
        self.revision = revision
    }
}

/// The answer to `registry.withdraw`.
public struct WithdrawnRecord: Codable, Sendable, Equatable {
    /// The kind of record.
    public var kind: WithdrawableKind
    /// The record's id.
    public var id: String
    /// When and why.
    public var withdrawal: Withdrawal
    /// The record's revision now.
    public var revision: Int

    /// A withdrawn record.
    public init(kind: WithdrawableKind, id: String, withdrawal: Withdrawal, revision: Int) {
        self.kind = kind
        self.id = id
        self.withdrawal = withdrawal
        self.revision = revision
    }
}
