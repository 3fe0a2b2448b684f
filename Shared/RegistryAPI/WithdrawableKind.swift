/// The kinds of record `registry.withdraw` withdraws.
public enum WithdrawableKind: String, Codable, Sendable, CaseIterable {
    /// An appointment (`Appointment`).
    case appointment
    /// A presidium role (`RoleAssignment`).
    case role
    /// A staff assignment (`StaffAssignment`).
    case staff
    /// A pairing (`SubstitutePairing`).
    case pairing
}
