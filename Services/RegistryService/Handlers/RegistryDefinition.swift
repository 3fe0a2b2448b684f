import KansliProtocol
import KansliService
import KansliStore
import RegistryAPI

/// The registry service as the KansliService runtime sees it: its name, its schema and one
/// handler per method of `RegistryMethods`.
public struct RegistryDefinition: ServiceDefinition {
    /// `registry`.
    public static let serviceName = "registry"

    /// The definition; it holds no state (everything lives in the database, and each registration
    /// makes its own cache of committee states).
    public init() {}

    /// The registry's schema.
    public var migrations: [Migration] { RegistrySchema.migrations }

    /// Registers every registry method.
    ///
    /// The methods that work on a whole committee get a `RegistryReadContext` (reads) or a
    /// `RegistryWriteContext` (writes of its records) over one `CommitteeStateCache` made here: one per registration, hence per host and per database
    /// (the cache's versions mean something only within one database file).
    public func register(into router: ServiceRouter) {
        let cache = CommitteeStateCache()
        func read<Request, Response>(_ method: Method<Request, Response>,
                                     _ handler: @escaping @Sendable (Request, RegistryReadContext) throws -> Response) {
            // A read fills the cache with what it read; a write only through publish (see
            // CommitteeStateCache), so each kind of context goes with its kind of method.
            precondition(!method.isWrite, "\(method.name) is a write; only reads may use the committee state cache")
            router.register(method) { request, context in
                try handler(request, RegistryReadContext(connection: context.connection, cache: cache))
            }
        }

        func write<Request, Response>(_ method: Method<Request, Response>,
                                      _ handler: @escaping @Sendable (Request, RegistryWriteContext) throws -> Response) {
            precondition(method.isWrite, "\(method.name) is a read; it gets a RegistryReadContext")
            router.register(method) { request, context in
                try handler(request, RegistryWriteContext(request: context, cache: cache))
            }
        }

        router.register(RegistryMethods.committeeCreate, RegistryHandlers.committeeCreate)
        router.register(RegistryMethods.committeeUpdate, RegistryHandlers.committeeUpdate)
        router.register(RegistryMethods.committeeEnd, RegistryHandlers.committeeEnd)
        router.register(RegistryMethods.committeeGet, RegistryHandlers.committeeGet)
        router.register(RegistryMethods.committeeList, RegistryHandlers.committeeList)

        write(RegistryMethods.partyAdd, RegistryHandlers.partyAdd)
        write(RegistryMethods.partyUpdate, RegistryHandlers.partyUpdate)
        write(RegistryMethods.partyEnd, RegistryHandlers.partyEnd)
        read(RegistryMethods.partyGet, RegistryHandlers.partyGet)
        read(RegistryMethods.partyList, RegistryHandlers.partyList)

        write(RegistryMethods.yearlyKeySet, RegistryHandlers.yearlyKeySet)
        read(RegistryMethods.yearlyKeyList, RegistryHandlers.yearlyKeyList)
        read(RegistryMethods.yearlyKeyTable, RegistryHandlers.yearlyKeyTable)

        write(RegistryMethods.personCreate, RegistryHandlers.personCreate)
        write(RegistryMethods.personUpdate, RegistryHandlers.personUpdate)
        write(RegistryMethods.personEnd, RegistryHandlers.personEnd)
        write(RegistryMethods.personErase, RegistryHandlers.personErase)
        read(RegistryMethods.personGet, RegistryHandlers.personGet)
        read(RegistryMethods.personList, RegistryHandlers.personList)

        write(RegistryMethods.appointmentCreate, RegistryHandlers.appointmentCreate)
        write(RegistryMethods.appointmentUpdate, RegistryHandlers.appointmentUpdate)
        write(RegistryMethods.appointmentEnd, RegistryHandlers.appointmentEnd)
        read(RegistryMethods.appointmentGet, RegistryHandlers.appointmentGet)
        read(RegistryMethods.appointmentList, RegistryHandlers.appointmentList)
        write(RegistryMethods.appointmentReplace, RegistryHandlers.appointmentReplace)

        write(RegistryMethods.roleAssign, RegistryHandlers.roleAssign)
        write(RegistryMethods.roleUpdate, RegistryHandlers.roleUpdate)
        write(RegistryMethods.roleEnd, RegistryHandlers.roleEnd)
        read(RegistryMethods.roleGet, RegistryHandlers.roleGet)
        read(RegistryMethods.roleList, RegistryHandlers.roleList)

        write(RegistryMethods.staffAssign, RegistryHandlers.staffAssign)
        write(RegistryMethods.staffUpdate, RegistryHandlers.staffUpdate)
        write(RegistryMethods.staffEnd, RegistryHandlers.staffEnd)
        read(RegistryMethods.staffGet, RegistryHandlers.staffGet)
        read(RegistryMethods.staffList, RegistryHandlers.staffList)

        write(RegistryMethods.pairingCreate, RegistryHandlers.pairingCreate)
        write(RegistryMethods.pairingUpdate, RegistryHandlers.pairingUpdate)
        write(RegistryMethods.pairingEnd, RegistryHandlers.pairingEnd)
        read(RegistryMethods.pairingGet, RegistryHandlers.pairingGet)
        read(RegistryMethods.pairingList, RegistryHandlers.pairingList)

        write(RegistryMethods.signingKeyAdd, RegistryHandlers.signingKeyAdd)
        write(RegistryMethods.signingKeyRevoke, RegistryHandlers.signingKeyRevoke)
        // A signer key reads only its own person's keys.
        router.register(RegistryMethods.signingKeyGet) { request, context in
            let reader = RegistryReadContext(connection: context.connection, cache: cache)
            let key = try RegistryHandlers.signingKeyGet(request, reader)
            if let signer = try RegistryHandlers.signerScope(context),
                signer.committee != request.committee || signer.person != key.person {
                throw ServiceError(.forbidden, "a signer key may read only its own person's signing keys", field: "id")
            }
            return key
        }
        router.register(RegistryMethods.signingKeyList) { request, context in
            var request = request
            if let signer = try RegistryHandlers.signerScope(context) {
                guard signer.committee == request.committee, request.person == nil || request.person == signer.person else {
                    throw ServiceError(.forbidden, "a signer key may list only its own person's signing keys", field: "person")
                }
                request.person = signer.person
            }
            return try RegistryHandlers.signingKeyList(request, RegistryReadContext(connection: context.connection, cache: cache))
        }

        router.register(RegistryMethods.signerMap, RegistryHandlers.signerMap)
        router.register(RegistryMethods.signerUnmap, RegistryHandlers.signerUnmap)
        router.register(RegistryMethods.signerGet) { request, context in
            try RegistryHandlers.signerGet(request, context, RegistryReadContext(connection: context.connection, cache: cache))
        }
        router.register(RegistryMethods.signerList) { request, context in
            try RegistryHandlers.signerList(request, context, RegistryReadContext(connection: context.connection, cache: cache))
        }

        write(RegistryMethods.withdraw, RegistryHandlers.withdraw)
        read(RegistryMethods.composition, RegistryHandlers.composition)
        read(RegistryMethods.substitutes, RegistryHandlers.substitutes)

        router.register(RegistryMethods.importCommittee, RegistryHandlers.importCommittee)
        router.register(RegistryMethods.importCheck, RegistryHandlers.importCheck)
        router.register(RegistryMethods.exportCommittee, RegistryHandlers.exportCommittee)
    }
}
