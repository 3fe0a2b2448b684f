/// One version of a committee's records, as a transaction sees it: the committee's rowid and its
/// revision. `RegistrySchema` makes every change to the records stamp the committee with a
/// revision no committee had before, so two reads that see the same version see the same records.
struct CommitteeVersion: Equatable, Sendable {
    /// The committee's rowid (`registry_committee.seq`).
    let seq: Int64
    /// The committee's revision (`registry_committee.revision`).
    let revision: Int64
    /// The random token the last registry write that published its state stamped
    /// (`registry_committee.write_token`, migration 5; see `RegistryWriteContext`); nil before any.
    var token: Int64? = nil
}
