/// What a payment left of its invoice.
public enum PaymentStatus: String, Codable, Sendable, CaseIterable {
    /// Part of the amount due is still outstanding.
    case partial
    /// The invoice is paid in full.
    case full
    /// More was paid than was due; the difference is owed back to the party.
    case overpaid
}
