/// What falls due.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    /// The protocol is to be justerat.
    case justering
    /// The notice is to go up on every party's board.
    case notice
    /// The last day to appeal.
    case appeal
    /// The notice may come down.
    case takeDown = "take-down"
}
