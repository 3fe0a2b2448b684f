import KansliProtocol

/// A method's id, name and role without its message types, so methods of different types can be
/// listed together (`RegistryMethods.all`).
public struct MethodSummary: Sendable, Equatable {
    /// The method id.
    public let id: UInt16
    /// The dotted name.
    public let name: String
    /// The least role a caller needs.
    public let requiredRole: Role

    /// The summary of `method`.
    public init<Request, Response>(_ method: Method<Request, Response>) {
        id = method.id
        name = method.name
        requiredRole = method.requiredRole
    }
}
