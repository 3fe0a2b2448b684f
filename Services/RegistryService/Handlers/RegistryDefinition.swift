import KansliService
import KansliStore
import RegistryAPI

/// The registry service as the KansliService runtime sees it: its name, its schema and one
/// handler per method of `RegistryMethods`.
public struct RegistryDefinition: ServiceDefinition {
    /// `registry`.
    public static let serviceName = "registry"

    /// The definition; it holds no state (everything lives in the database).
    public init() {}

    /// The registry's schema.
    public var migrations: [Migration] { RegistrySchema.migrations }

    /// Registers every registry method.
    public func register(into router: ServiceRouter) {
        router.register(RegistryMethods.committeeCreate, RegistryHandlers.committeeCreate)
        router.register(RegistryMethods.committeeUpdate, RegistryHandlers.committeeUpdate)
        router.register(RegistryMethods.committeeEnd, RegistryHandlers.committeeEnd)
        router.register(RegistryMethods.committeeGet, RegistryHandlers.committeeGet)
        router.register(RegistryMethods.committeeList, RegistryHandlers.committeeList)

        router.register(RegistryMethods.partyAdd, RegistryHandlers.partyAdd)
        router.register(RegistryMethods.partyUpdate, RegistryHandlers.partyUpdate)
        router.register(RegistryMethods.partyEnd, RegistryHandlers.partyEnd)
        router.register(RegistryMethods.partyGet, RegistryHandlers.partyGet)
        router.register(RegistryMethods.partyList, RegistryHandlers.partyList)

        router.register(RegistryMethods.yearlyKeySet, RegistryHandlers.yearlyKeySet)
        router.register(RegistryMethods.yearlyKeyList, RegistryHandlers.yearlyKeyList)
        router.register(RegistryMethods.yearlyKeyTable, RegistryHandlers.yearlyKeyTable)

        router.register(RegistryMethods.personCreate, RegistryHandlers.personCreate)
        router.register(RegistryMethods.personUpdate, RegistryHandlers.personUpdate)
        router.register(RegistryMethods.personGet, RegistryHandlers.personGet)
        router.register(RegistryMethods.personList, RegistryHandlers.personList)

        router.register(RegistryMethods.appointmentCreate, RegistryHandlers.appointmentCreate)
        router.register(RegistryMethods.appointmentUpdate, RegistryHandlers.appointmentUpdate)
        router.register(RegistryMethods.appointmentEnd, RegistryHandlers.appointmentEnd)
        router.register(RegistryMethods.appointmentGet, RegistryHandlers.appointmentGet)
        router.register(RegistryMethods.appointmentList, RegistryHandlers.appointmentList)

        router.register(RegistryMethods.roleAssign, RegistryHandlers.roleAssign)
        router.register(RegistryMethods.roleUpdate, RegistryHandlers.roleUpdate)
        router.register(RegistryMethods.roleEnd, RegistryHandlers.roleEnd)
        router.register(RegistryMethods.roleGet, RegistryHandlers.roleGet)
        router.register(RegistryMethods.roleList, RegistryHandlers.roleList)

        router.register(RegistryMethods.staffAssign, RegistryHandlers.staffAssign)
        router.register(RegistryMethods.staffUpdate, RegistryHandlers.staffUpdate)
        router.register(RegistryMethods.staffEnd, RegistryHandlers.staffEnd)
        router.register(RegistryMethods.staffGet, RegistryHandlers.staffGet)
        router.register(RegistryMethods.staffList, RegistryHandlers.staffList)

        router.register(RegistryMethods.pairingCreate, RegistryHandlers.pairingCreate)
        router.register(RegistryMethods.pairingUpdate, RegistryHandlers.pairingUpdate)
        router.register(RegistryMethods.pairingEnd, RegistryHandlers.pairingEnd)
        router.register(RegistryMethods.pairingGet, RegistryHandlers.pairingGet)
        router.register(RegistryMethods.pairingList, RegistryHandlers.pairingList)

        router.register(RegistryMethods.signingKeyAdd, RegistryHandlers.signingKeyAdd)
        router.register(RegistryMethods.signingKeyRevoke, RegistryHandlers.signingKeyRevoke)
        router.register(RegistryMethods.signingKeyGet, RegistryHandlers.signingKeyGet)
        router.register(RegistryMethods.signingKeyList, RegistryHandlers.signingKeyList)

        router.register(RegistryMethods.composition, RegistryHandlers.composition)
        router.register(RegistryMethods.substitutes, RegistryHandlers.substitutes)

        router.register(RegistryMethods.importCommittee, RegistryHandlers.importCommittee)
        router.register(RegistryMethods.importCheck, RegistryHandlers.importCheck)
        router.register(RegistryMethods.exportCommittee, RegistryHandlers.exportCommittee)
    }
}
