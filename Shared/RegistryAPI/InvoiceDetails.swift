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
    /// The details above that are invented rather than the party's own (the shipped seed files
    /// make them up: the seeds give none), in declaration order; nil when every detail given is
    /// real. Each one named must be set. Invoicing should warn before it uses an invented detail.
    public var invented: [InvoiceField]?

    /// Invoice details; all fields default to nil.
    public init(address: PostalAddress? = nil, buyerReference: String? = nil, peppolID: String? = nil,
                bankgiro: String? = nil, invented: [InvoiceField]? = nil) {
        self.address = address
        self.buyerReference = buyerReference
        self.peppolID = peppolID
        self.bankgiro = bankgiro
        self.invented = invented
    }

    /// Whether no field is set.
    public var isEmpty: Bool {
        address == nil && buyerReference == nil && peppolID == nil && bankgiro == nil && invented == nil
    }
}

extension InvoiceDetails {
    /// The details an invoice to (or, for the host, from) this party needs that are not set:
    /// every party needs an address, a buyer's reference and a Peppol id; the host also a bankgiro.
    public func missing(isHost: Bool) -> [InvoiceField] {
        var missing: [InvoiceField] = []
        if address == nil { missing.append(.address) }
        if buyerReference == nil { missing.append(.buyerReference) }
        if peppolID == nil { missing.append(.peppolID) }
        if isHost && bankgiro == nil { missing.append(.bankgiro) }
        return missing
    }

    /// Whether `field` is named as invented.
    public func isInvented(_ field: InvoiceField) -> Bool {
        invented?.contains(field) ?? false
    }
}
