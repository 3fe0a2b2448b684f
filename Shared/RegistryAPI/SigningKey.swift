import KansliProtocol

/// A person's public Ed25519 signing key, with the days it may be used and its revocation. The
/// registry never sees a private key; documents asks it which keys a signer may use on a date.
public struct SigningKey: Codable, Sendable, Equatable {
    /// The byte count of an Ed25519 public key.
    public static let publicKeyByteCount = 32

    /// The key's id within the committee, e.g. `robert-karlsson-key-1`.
    public var id: String
    /// The person's id.
    public var person: String
    /// The 32-byte public key as 64 lower-case hexadecimal digits.
    public var publicKey: String
    /// The first day signatures made with the key are accepted.
    public var validFrom: CalendarDate
    /// The last day, or nil while it lasts.
    public var validTo: CalendarDate?
    /// The day the key was revoked (it is not usable from that day on), if it was.
    public var revokedOn: CalendarDate?
    /// Why it was revoked, e.g. "lost device".
    public var revocationReason: String?

    /// A signing key.
    public init(id: String, person: String, publicKey: String, validFrom: CalendarDate, validTo: CalendarDate? = nil,
                revokedOn: CalendarDate? = nil, revocationReason: String? = nil) {
        self.id = id
        self.person = person
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.validTo = validTo
        self.revokedOn = revokedOn
        self.revocationReason = revocationReason
    }

    /// The days the key is valid, ignoring revocation.
    public var validity: DateSpan { DateSpan(from: validFrom, to: validTo) }

    /// Whether a signature made with the key on `date` is acceptable: valid then, and not revoked
    /// on or before that day.
    public func isUsable(on date: CalendarDate) -> Bool {
        guard validity.contains(date) else { return false }
        if let revokedOn, revokedOn <= date { return false }
        return true
    }

    /// The 32 key bytes, or nil when `publicKey` is not 64 hexadecimal digits.
    public var publicKeyBytes: [UInt8]? {
        guard let bytes = HexDigits.decode(publicKey), bytes.count == SigningKey.publicKeyByteCount else {
            return nil
        }
        return bytes
    }

    /// The hexadecimal form of `bytes` as stored in `publicKey`.
    public static func hex(_ bytes: [UInt8]) -> String { HexDigits.encode(bytes) }
}
