/// A Swedish postal address, as printed on an invoice.
public struct PostalAddress: Codable, Sendable, Equatable {
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
