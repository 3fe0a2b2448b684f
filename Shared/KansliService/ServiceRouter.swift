import KansliProtocol

/// The table of a service's methods: for each method id, its name, access, admitted roles and
/// the two steps that answer it, wrapped so the runtime can call them with encoded bytes.
///
/// Every request is answered in two steps:
/// 1. **prepare**, outside any transaction: decode the request and, for handlers registered with
///    `register(_:prepare:apply:)`, read inputs and call peers. It writes nothing.
/// 2. **apply**, inside the request's transaction (the single writer for a write, a snapshot for
///    a read): pure database work on what was prepared.
///
/// A router is a builder: a `ServiceDefinition` fills it while its `ServiceHost` is set up, and
/// the host keeps an immutable copy of the routes, read by every request without a lock.
public final class ServiceRouter {
    /// What a preparation produced, its type erased until the matching application unwraps it.
    struct PreparedBox: Sendable {
        let value: any Sendable
    }

    /// A registered method with its request and response types erased.
    struct Route: Sendable {
        let id: UInt16
        let name: String
        let access: MethodAccess
        let roles: RoleSet
        /// Whether the preparation may call peers (and so takes time outside the transaction).
        let callsPeers: Bool
        let prepare: @Sendable ([UInt8], PrepareContext) throws -> PreparedBox
        let apply: @Sendable (PreparedBox, HandlerContext) throws -> [UInt8]
    }

    private(set) var routes: [UInt16: Route] = [:]

    public init() {}

    /// Registers `handler` for `method`: it runs inside the request's transaction, on the
    /// decoded request. Registering the same id twice is a programming error.
    public func register<Request, Response>(
        _ method: Method<Request, Response>,
        _ handler: @escaping @Sendable (Request, HandlerContext) throws -> Response
    ) {
        add(method, callsPeers: false, prepare: { request, _ in request }, apply: handler)
    }

    /// Registers a method answered in two steps: `prepare` outside any transaction (it may call
    /// peers through `PrepareContext.peers` and must write nothing), then `apply` inside the
    /// request's transaction with what `prepare` returned (database work only).
    ///
    /// A write's idempotency key is checked before `prepare` runs: a retried write that was
    /// already applied is answered from the store without calling any peer again.
    public func register<Request, Prepared: Sendable, Response>(
        _ method: Method<Request, Response>,
        prepare: @escaping @Sendable (Request, PrepareContext) throws -> Prepared,
        apply: @escaping @Sendable (Prepared, HandlerContext) throws -> Response
    ) {
        add(method, callsPeers: true, prepare: prepare, apply: apply)
    }

    private func add<Request, Prepared: Sendable, Response>(
        _ method: Method<Request, Response>, callsPeers: Bool,
        prepare: @escaping @Sendable (Request, PrepareContext) throws -> Prepared,
        apply: @escaping @Sendable (Prepared, HandlerContext) throws -> Response
    ) {
        let name = method.name
        precondition(routes[method.id] == nil, "method id \(method.id) registered twice (\(name))")
        routes[method.id] = Route(
            id: method.id, name: name, access: method.access, roles: method.roles, callsPeers: callsPeers,
            prepare: { bytes, context in
                let request = try ProtocolCoding.decode(Request.self, from: bytes, what: "\(name) request")
                return PreparedBox(value: try prepare(request, context))
            },
            apply: { prepared, context in
                guard let value = prepared.value as? Prepared else {
                    preconditionFailure("\(name): a preparation of another route reached this one")
                }
                return try ProtocolCoding.encode(try apply(value, context))
            })
    }

    /// Every registered method, by id (for documentation and tests).
    public var methods: [MethodSummary] {
        routes.values.map { MethodSummary(id: $0.id, name: $0.name, access: $0.access, roles: $0.roles) }
            .sorted { $0.id < $1.id }
    }
}
