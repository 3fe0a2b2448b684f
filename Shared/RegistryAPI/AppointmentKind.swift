/// Whether an appointment is to a full seat or a substitute seat.
public enum AppointmentKind: String, RegistryEnumeration, Sendable {
    /// A full member (*ledamot*): takes part and votes.
    case ledamot
    /// A substitute member (*ersättare*): serves (*tjänstgör*) when a ledamot appointed by the same
    /// party is absent.
    case ersattare

    /// Parses the kind from what a person types: `ledamot`, `ersattare` or `ersättare`, any case.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "ledamot": self = .ledamot
        case "ersattare", "ersättare": self = .ersattare
        default: return nil
        }
    }
}
