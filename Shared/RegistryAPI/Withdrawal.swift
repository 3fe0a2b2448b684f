import KansliProtocol

/// Why and when a record entered by mistake was withdrawn (`registry.withdraw`). A withdrawn
/// record stays in the registry's history, its export and the audit trail, but takes part in no
/// composition, list or rule: it is as if it had never been entered.
public struct Withdrawal: Codable, Sendable, Equatable {
    /// The day it was withdrawn.
    public var on: CalendarDate
    /// Why, e.g. "entered for the wrong party".
    public var reason: String

    /// A withdrawal on `on` for `reason`.
    public init(on: CalendarDate, reason: String) {
        self.on = on
        self.reason = reason
    }
}
