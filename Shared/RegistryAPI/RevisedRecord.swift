/// A record that carries its own revision (`Party`, `Person`, `Appointment`, `RoleAssignment`,
/// `StaffAssignment`, `SubstitutePairing`): what lets a client's update say which revision it
/// read, so that a write that came first makes the update a `conflict` instead of being lost.
public protocol RevisedRecord {
    /// How many times the registry has stored the record, from 1; nil before it is stored.
    var revision: Int? { get set }
}

extension Party: RevisedRecord {}
extension Person: RevisedRecord {}
extension Appointment: RevisedRecord {}
extension RoleAssignment: RevisedRecord {}
extension StaffAssignment: RevisedRecord {}
extension SubstitutePairing: RevisedRecord {}
