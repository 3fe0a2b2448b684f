import RegistryAPI

/// The records of a committee withdrawn as entered by mistake (`registry.withdraw`), in the order
/// they were created: out of every rule and query, kept for their history.
public struct WithdrawnRecords: Sendable {
    /// Withdrawn appointments.
    public var appointments: [Appointment] = []
    /// Withdrawn role assignments.
    public var roles: [RoleAssignment] = []
    /// Withdrawn staff assignments.
    public var staff: [StaffAssignment] = []
    /// Withdrawn pairings.
    public var pairings: [SubstitutePairing] = []

    /// The withdrawn records of each kind.
    public init(appointments: [Appointment] = [], roles: [RoleAssignment] = [], staff: [StaffAssignment] = [],
                pairings: [SubstitutePairing] = []) {
        self.appointments = appointments
        self.roles = roles
        self.staff = staff
        self.pairings = pairings
    }

    /// Whether a withdrawn record of `kind` has `id`.
    public func contains(_ kind: WithdrawableKind, id: String) -> Bool {
        switch kind {
        case .appointment: appointments.contains { $0.id == id }
        case .role: roles.contains { $0.id == id }
        case .staff: staff.contains { $0.id == id }
        case .pairing: pairings.contains { $0.id == id }
        }
    }
}
