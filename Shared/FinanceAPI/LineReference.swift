/// Another budget line whose allocation a proportional line follows.
public struct LineReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The budget year of the other line (this budget's year when nil).
    public var year: Int?
    /// The other line's object code.
    public var objectCode: String

    /// A reference.
    public init(year: Int? = nil, objectCode: String) {
        self.year = year
        self.objectCode = objectCode
    }

    /// `2022/VU-ETJ`.
    public var description: String { year.map { "\($0)/\(objectCode)" } ?? objectCode }
}
