/// Who sends an invoice: the committee's host party, which invoices the others, with the
/// bankgiro payments go to.
public struct InvoiceIssuer: Hashable, Sendable, Codable {
    /// The host party's code.
    public var party: String
    /// Its name (`Luleå kommun`).
    public var name: String
    /// Its organisationsnummer.
    public var organisationNumber: String
    /// The bankgiro payments go to, `NNNN-NNNN`.
    public var bankgiro: String
    /// The committee the invoice is for (`Norrbottens e-nämnd`).
    public var committeeName: String

    /// An issuer.
    public init(party: String, name: String, organisationNumber: String, bankgiro: String, committeeName: String) {
        self.party = party
        self.name = name
        self.organisationNumber = organisationNumber
        self.bankgiro = bankgiro
        self.committeeName = committeeName
    }
}
