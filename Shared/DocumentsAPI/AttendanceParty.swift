import KansliProtocol

/// A party of the committee on the meeting's day.
public struct AttendanceParty: Codable, Sendable, Equatable {
    /// The party's code.
    public var code: String
    /// The party's name.
    public var name: String
    /// Whether it is the host.
    public var isHost: Bool

    /// A `AttendanceParty`.
    public init(code: String, name: String, isHost: Bool = false) {
        self.code = code
        self.name = name
        self.isHost = isHost
    }
}
