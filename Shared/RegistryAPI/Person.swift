/// A person known to a committee: a ledamot, an ersättare or a member of staff. What the person
/// *is* in the committee, and when, lives in their appointments, roles and staff assignments.
public struct Person: Codable, Sendable, Equatable {
    /// The person's id within the committee, e.g. `isak-utsi`; see `RecordID`.
    public var id: String
    /// The name as it appears in the minutes, e.g. "Isak Utsi".
    public var name: String
    /// An e-mail address for notices, if known.
    public var email: String?
    /// A telephone number, if known.
    public var phone: String?
    /// A free-text note.
    public var note: String?

    /// A person.
    public init(id: String, name: String, email: String? = nil, phone: String? = nil, note: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.note = note
    }
}
