/// Where a budget version stands. draft → adoptedPendingJustering → adopted → closed; a version
/// that is adopted (pending or not) is never edited again: a change is a new version.
public enum BudgetStatus: String, Codable, Sendable, CaseIterable {
    /// Being prepared; its lines can be replaced.
    case draft
    /// Adopted by the committee at a paragraph whose protocol is not yet justerat.
    case adoptedPendingJustering = "adopted-pending-justering"
    /// Adopted, the protocol justerat.
    case adopted
    /// The year is over; kept for reading.
    case closed
    /// Replaced by a later version (kept for reading).
    case superseded
}
