import RegistryAPI

/// Puts values into their canonical written form before they are checked and stored, so the same
/// fact is always stored the same way: organisationsnummer as `NNNNNN-NNNN`, bankgiro as
/// `NNNN-NNNN`, public keys in lower-case hexadecimal. Values that do not parse are left as they
/// are for the rules to report.
public enum Normaliser {
    /// `party` with its organisationsnummer and bankgiro in canonical form.
    public static func normalise(_ party: Party) -> Party {
        var party = party
        if let number = OrganisationNumber(party.organisationNumber) {
            party.organisationNumber = number.description
        }
        if let text = party.invoicing.bankgiro, let bankgiro = Bankgiro(text) {
            party.invoicing.bankgiro = bankgiro.description
        }
        return party
    }

    /// `key` with its public key in lower-case hexadecimal.
    public static func normalise(_ key: SigningKey) -> SigningKey {
        var key = key
        key.publicKey = key.publicKey.lowercased()
        return key
    }

    /// Every party and key of `file` in canonical form.
    public static func normalise(_ file: CommitteeFile) -> CommitteeFile {
        var file = file
        file.parties = file.parties.map(normalise)
        file.signingKeys = file.signingKeys.map(normalise)
        return file
    }
}
