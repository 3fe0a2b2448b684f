/// What invoicing needs to know about a party. Every field is optional: finance refuses to
/// invoice a party whose details are incomplete, the registry does not.
public struct InvoiceDetails: Codable, Sendable, Equatable {
    /// Where paper or PDF invoices go.
    public var address: PostalAddress?
    /// The buyer's reference (*beställarreferens*, *referens*) the party wants on its invoices.
    public var buyerReference: String?
    /// The party's Peppol participant id for e-invoices, `scheme:identifier`, e.g.
    /// `0007:2120002742` (0007 = Swedish organisationsnummer).
    public var peppolID: String?
    /// The bankgiro number payments go to; only the host party has one, since it invoices the others.
    public var bankgiro: String?

    /// Invoice details; all fields default to nil.
    public init(address: PostalAddress? = nil, buyerReference: String? = nil, peppolID: String? = nil,
                bankgiro: String? = nil) {
        self.address = address
        self.buyerReference = buyerReference
        self.peppolID = peppolID
        self.bankgiro = bankgiro
    }

    /// Whether no field is set.
    public var isEmpty: Bool {
        address == nil && buyerReference == nil && peppolID == nil && bankgiro == nil
    }
}
