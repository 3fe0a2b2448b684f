import KansliProtocol

/// Which person a signer-role client key belongs to. Every member who signs minutes, the
/// secretary included, uses a client key of role `signer`; the registry maps it to one person of
/// one committee, and the services that take signatures ask the registry who a signer key is.
///
/// The mapping is deployment configuration, not part of the committee's document: it is neither
/// exported nor replaced by an import, and it names the committee and person by code and id, so
/// it survives a committee being re-imported.
public struct SignerClient: Codable, Sendable, Equatable {
    /// The client key id (as in the services' key files), e.g. `signer-isak-utsi`.
    public var keyID: String
    /// The committee's code.
    public var committee: String
    /// The person's id in that committee.
    public var person: String
    /// The day the mapping was made.
    public var mappedOn: CalendarDate

    public init(keyID: String, committee: String, person: String, mappedOn: CalendarDate) {
        self.keyID = keyID
        self.committee = committee
        self.person = person
        self.mappedOn = mappedOn
    }
}

/// Request of `registry.signer.map`.
public struct SignerMap: Codable, Sendable, Equatable {
    public var committee: String
    /// The client key id to map; it must hold the `signer` role in the services' key files.
    public var keyID: String
    /// The person it belongs to.
    public var person: String

    public init(committee: String, keyID: String, person: String) {
        self.committee = committee
        self.keyID = keyID
        self.person = person
    }
}

/// Request of `registry.signer.unmap`: one client key id.
public struct SignerRef: Codable, Sendable, Equatable {
    public var keyID: String

    public init(keyID: String) {
        self.keyID = keyID
    }
}

/// The answer to `registry.signer.get`: a signer key's person, with the signing keys usable on
/// the day asked, so a service can check a signature with nothing else.
public struct SignerIdentity: Codable, Sendable, Equatable {
    public var client: SignerClient
    /// The person's name as it is printed in the minutes.
    public var name: String
    /// The person's signing keys that are valid and not revoked that day.
    public var signingKeys: [SigningKey]

    public init(client: SignerClient, name: String, signingKeys: [SigningKey]) {
        self.client = client
        self.name = name
        self.signingKeys = signingKeys
    }
}

/// Request of `registry.signer.get`.
public struct SignerQuery: Codable, Sendable, Equatable {
    /// The client key id; from a signer key it must be the caller's own (or empty for it).
    public var keyID: String
    /// The day the signing keys must be usable on (the day of signing).
    public var on: CalendarDate

    public init(keyID: String, on: CalendarDate) {
        self.keyID = keyID
        self.on = on
    }
}
