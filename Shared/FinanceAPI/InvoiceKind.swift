/// An invoice or a credit note; both take their numbers from the committee's one series.
public enum InvoiceKind: String, Codable, Sendable, CaseIterable {
    /// An invoice (*faktura*).
    case invoice
    /// A credit note (*kreditfaktura*) that cancels an issued invoice, which it references.
    case creditNote = "credit-note"
}
