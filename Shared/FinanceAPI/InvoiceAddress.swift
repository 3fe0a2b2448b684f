/// The postal address an invoice is sent to, as the registry's party record gives it.
public struct InvoiceAddress: Hashable, Sendable, Codable {
    /// The lines above the postal code: organisation, department, box or street.
    public var lines: [String]
    /// The postal code, `NNN NN`.
    public var postalCode: String
    /// The postal town.
    public var city: String

    /// An address.
    public init(lines: [String], postalCode: String, city: String) {
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
    }
}
