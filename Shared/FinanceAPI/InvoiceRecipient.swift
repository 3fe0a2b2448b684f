/// Who an invoice is to: a paying party, with what its registry record says invoices need.
public struct InvoiceRecipient: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// Its name.
    public var name: String
    /// Its organisationsnummer.
    public var organisationNumber: String
    /// Where the invoice goes.
    public var address: InvoiceAddress
    /// The buyer's reference (*er referens*) the party wants on its invoices.
    public var buyerReference: String
    /// Its Peppol id for e-invoices, if it has one.
    public var peppolID: String?

    /// A recipient.
    public init(party: String, name: String, organisationNumber: String, address: InvoiceAddress, buyerReference: String,
                peppolID: String? = nil) {
        self.party = party
        self.name = name
        self.organisationNumber = organisationNumber
        self.address = address
        self.buyerReference = buyerReference
        self.peppolID = peppolID
    }
}
