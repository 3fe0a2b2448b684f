import KansliPlatform

/// Who stores a record and when: written beside each updatable record (`changed_by`,
/// `changed_at`, migration 4) so that a `conflict` can say who stored the revision an update did
/// not expect, and when.
struct RecordStamp: Equatable, Sendable {
    /// The id of the client key that made the request.
    let keyID: String
    /// When the request was handled, ISO 8601 UTC to the millisecond, as the audit trail writes it.
    let at: String

    /// The stamp of a request made with `keyID` at `now`.
    init(keyID: String, now: Timestamp) {
        self.keyID = keyID
        self.at = now.iso8601(.milliseconds)
    }
}
