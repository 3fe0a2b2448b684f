/// One line of an invoice: a budget line's share for the party, with the allocation behind it.
public struct InvoiceLine: Hashable, Sendable, Codable {
    /// The budget line's object code.
    public var objectCode: String
    /// The budget line's name.
    public var name: String
    /// The party's share, net of VAT (negative on a credit note).
    public var net: Money
    /// The line's VAT treatment.
    public var vat: VATTreatment
    /// The budget line's whole amount, which the allocation divided.
    public var lineAmount: Money
    /// The party's part of the line (1/14).
    public var weight: Fraction
    /// What the weight is made of, in words (`population 4 100 of 368 800`).
    public var weightDescription: String

    /// A line.
    public init(objectCode: String, name: String, net: Money, vat: VATTreatment, lineAmount: Money, weight: Fraction,
                weightDescription: String) {
        self.objectCode = objectCode
        self.name = name
        self.net = net
        self.vat = vat
        self.lineAmount = lineAmount
        self.weight = weight
        self.weightDescription = weightDescription
    }
}
