import KansliProtocol

// Messages of the registry.signingkey.* methods (get: RecordRef, list: ListRequest).

/// `registry.signingkey.add`: registers a person's public Ed25519 key. Keys are never changed,
/// only revoked.
public struct SigningKeyAdd: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the key; when nil, `<person>-key-<n>`.
    public var id: String?
    /// The person's id.
    public var person: String
    /// The 32-byte public key as 64 hexadecimal digits (stored in lower case).
    public var publicKey: String
    /// The first day signatures with the key are accepted.
    public var validFrom: CalendarDate
    /// The last day, or nil while it lasts.
    public var validTo: CalendarDate?

    /// A request to register a key.
    public init(committee: String, id: String? = nil, person: String, publicKey: String, validFrom: CalendarDate,
                validTo: CalendarDate? = nil) {
        self.committee = committee
        self.id = id
        self.person = person
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// `registry.signingkey.revoke`: the key is not usable from `revokedOn` on.
public struct SigningKeyRevoke: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The key's id.
    public var key: String
    /// The first day the key is no longer usable.
    public var revokedOn: CalendarDate
    /// Why, e.g. "lost device".
    public var reason: String

    /// A request to revoke `key`.
    public init(committee: String, key: String, revokedOn: CalendarDate, reason: String) {
        self.committee = committee
        self.key = key
        self.revokedOn = revokedOn
        self.reason = reason
    }
}
