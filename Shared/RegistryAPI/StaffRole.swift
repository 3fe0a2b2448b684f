/// A staff role of the committee. Staff are not members: they neither vote nor serve, but the
/// secretary signs the minutes.
public enum StaffRole: String, RegistryEnumeration, Sendable {
    /// The committee's secretary (*nämndsekreterare*), who keeps and signs the minutes.
    case secretary
    /// The coordinator (*samordnare*, *e-strateg*) who prepares the committee's business.
    case coordinator
}
