/// The host's share of one line of a billing run: allocated like every party's, booked
/// internally, never invoiced; the run's report lists it.
public struct HostShare: Hashable, Sendable, Codable {
    /// The host party's code.
    public var party: String
    /// The budget line's object code.
    public var objectCode: String
    /// The budget line's name.
    public var name: String
    /// The host's share, net of VAT.
    public var amount: Money
    /// The line's VAT treatment.
    public var vat: VATTreatment

    /// A share.
    public init(party: String, objectCode: String, name: String, amount: Money, vat: VATTreatment) {
        self.party = party
        self.objectCode = objectCode
        self.name = name
        self.amount = amount
        self.vat = vat
    }
}
