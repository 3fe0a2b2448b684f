/// A method's id, name, access and roles without its message types, so methods of different
/// types can be listed together (`RegistryMethods.all`, `ServiceHost.methods`).
public struct MethodSummary: Sendable, Equatable {
    /// The method id.
    public let id: UInt16
    /// The dotted name.
    public let name: String
    /// Whether it reads or writes.
    public let access: MethodAccess
    /// The roles that may call it.
    public let roles: RoleSet

    public init(id: UInt16, name: String, access: MethodAccess, roles: RoleSet) {
        self.id = id
        self.name = name
        self.access = access
        self.roles = roles
    }

    /// The summary of `method`.
    public init<Request, Response>(_ method: Method<Request, Response>) {
        self.init(id: method.id, name: method.name, access: method.access, roles: method.roles)
    }
}
