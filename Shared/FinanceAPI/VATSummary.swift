/// The VAT of one treatment on an invoice: the net amount it applies to, the VAT, and (for 0 %
/// or outside the scope) the reason, which the treatment carries.
public struct VATSummary: Hashable, Sendable, Codable {
    /// The treatment: rate and reason.
    public var vat: VATTreatment
    /// The sum of the net amounts of the invoice's lines with this treatment.
    public var net: Money
    /// The VAT on that sum, rounded to the öre (half away from zero).
    public var amount: Money

    /// A summary.
    public init(vat: VATTreatment, net: Money, amount: Money) {
        self.vat = vat
        self.net = net
        self.amount = amount
    }
}
