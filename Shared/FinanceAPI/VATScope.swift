/// Which side of the VAT boundary an invoice is on: an invoice never mixes lines outside the
/// scope of VAT with lines inside it (25 %, 6 % or zero-rated), so a billing run splits a party's
/// lines into at most two invoices.
public enum VATScope: String, Codable, Sendable, CaseIterable {
    /// Lines inside the scope of VAT: taxed at 25 % or 6 %, or zero-rated.
    case taxed
    /// Lines outside the scope of VAT (*utanför momsens tillämpningsområde*).
    case outside

    /// The scope of a line with `treatment`.
    public init(_ treatment: VATTreatment) {
        self = treatment.rate == .outsideScope ? .outside : .taxed
    }
}
