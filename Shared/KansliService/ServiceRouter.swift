import KansliProtocol
import Synchronization

/// The table of a service's methods: for each method id, its name, the role it needs and the
/// handler that answers it, wrapped so the runtime can call it with encoded bytes.
public final class ServiceRouter: Sendable {
    /// A registered method with its request and response types erased.
    struct Route: Sendable {
        let id: UInt16
        let name: String
        let access: MethodAccess
        let roles: RoleSet
        let call: @Sendable ([UInt8], HandlerContext) throws -> [UInt8]
    }

    private let routes = Mutex<[UInt16: Route]>([:])

    public init() {}

    /// Registers `handler` for `method`. Registering the same id twice is a programming error.
    public func register<Request, Response>(
        _ method: Method<Request, Response>,
        _ handler: @escaping @Sendable (Request, HandlerContext) throws -> Response
    ) {
        let name = method.name
        let route = Route(id: method.id, name: name, access: method.access, roles: method.roles) { bytes, context in
            let request = try ProtocolCoding.decode(Request.self, from: bytes, what: "\(name) request")
            return try ProtocolCoding.encode(try handler(request, context))
        }
        routes.withLock { routes in
            precondition(routes[method.id] == nil, "method id \(method.id) registered twice (\(name))")
            routes[method.id] = route
        }
    }

    func route(for id: UInt16) -> Route? {
        routes.withLock { $0[id] }
    }

    /// Every registered method, by id (for documentation and tests).
    public var methods: [MethodSummary] {
        routes.withLock { $0.values.map { MethodSummary(id: $0.id, name: $0.name, access: $0.access, roles: $0.roles) }.sorted { $0.id < $1.id } }
    }
}
