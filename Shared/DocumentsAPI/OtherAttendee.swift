import KansliProtocol

/// Someone present who is not a member: staff, a consultant, a speaker.
public struct OtherAttendee: Codable, Sendable, Equatable {
    /// The name.
    public var name: String
    /// Title or organisation, e.g. `Evado (t.f. samordnare, extern konsult)`.
    public var title: String

    /// A `OtherAttendee`.
    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}
