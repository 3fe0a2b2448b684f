import KansliProtocol

/// A member of the committee's staff on the meeting's day.
public struct StaffMember: Codable, Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The name.
    public var name: String
    /// `secretary` or `coordinator`.
    public var role: String
    /// The title, if recorded.
    public var title: String?

    /// A `StaffMember`.
    public init(person: String, name: String, role: String, title: String? = nil) {
        self.person = person
        self.name = name
        self.role = role
        self.title = title
    }
}
