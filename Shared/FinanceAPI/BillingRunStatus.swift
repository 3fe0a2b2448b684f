/// Where a billing run stands: drafted → approved (attesterad) by a second person → issued; a
/// draft or an approved run that will not issue is cancelled instead.
public enum BillingRunStatus: String, Codable, Sendable, CaseIterable {
    /// Drafted: its invoices are computed (without numbers) for review.
    case draft
    /// Approved (*attesterad*) by someone other than its drafter; it may issue.
    case approved
    /// Issued: its invoices have numbers, dates and payment references and never change.
    case issued
    /// Cancelled before it issued; it bills nothing and frees its lines for another run.
    case cancelled
}
