import KansliProtocol
import RegistryAPI

/// Rules for public signing keys: the person exists, the key is 32 bytes of Ed25519 public key,
/// its dates are in order, and it is registered only once in a committee.
public enum SigningKeyRules {
    /// Checks `key` within the committee in `state` (where it may already be stored).
    public static func validate(_ key: SigningKey, in state: CommitteeState, at path: FieldPath) throws(ServiceError) {
        try TextRules.id(key.id, field: path("id"), kind: "signing key")
        guard state.person(key.person) != nil else {
            throw state.missing("person", key.person, field: path("person"))
        }
        guard key.publicKeyBytes != nil else {
            throw .validation(
                "an Ed25519 public key is \(SigningKey.publicKeyByteCount) bytes written as "
                    + "\(SigningKey.publicKeyByteCount * 2) hexadecimal digits; got \(key.publicKey.count) characters",
                field: path("publicKey"))
        }
        try TextRules.ordered(from: key.validFrom, to: key.validTo, field: path("validTo"), what: "the key's validity")
        if let revokedOn = key.revokedOn, revokedOn < key.validFrom {
            throw .validation(
                "the key cannot be revoked on \(revokedOn), before it becomes valid on \(key.validFrom)",
                field: path("revokedOn"))
        }
        if key.revokedOn != nil {
            try TextRules.required(key.revocationReason ?? "", field: path("revocationReason"),
                                   what: "the reason for the revocation")
        } else if key.revocationReason != nil {
            throw .validation("a key that is not revoked has no revocation reason", field: path("revocationReason"))
        }
        let bytes = key.publicKeyBytes
        for other in state.file.signingKeys where other.id != key.id && other.publicKeyBytes == bytes {
            throw .conflict(
                "this public key is already registered as \(other.id) for \(state.name(ofPerson: other.person)); "
                    + "a key belongs to one person and is registered once", field: path("publicKey"))
        }
    }
}
