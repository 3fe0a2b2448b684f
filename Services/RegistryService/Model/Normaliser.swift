import KansliPlatform
import RegistryAPI

/// Puts values into their canonical written form before they are checked and stored, so the same
/// fact is always stored the same way: organisationsnummer as `NNNNNN-NNNN`, bankgiro as
/// `NNNN-NNNN`, public keys in lower-case hexadecimal. Values that do not parse are left as they
/// are for the rules to report.
public enum Normaliser {
    /// `party` with its organisationsnummer and bankgiro in canonical form, and the invoicing details
    /// it names as invented in declaration order, each once.
    public static func normalise(_ party: Party) -> Party {
        var party = party
        if let number = OrganisationNumber(party.organisationNumber) {
            party.organisationNumber = number.description
        }
        if let text = party.invoicing.bankgiro, let bankgiro = Bankgiro(text) {
            party.invoicing.bankgiro = bankgiro.description
        }
        if let invented = party.invoicing.invented {
            // Declaration order, each once; an empty list says nothing, so it is no list.
            let named = Set(invented)
            let ordered = InvoiceField.allCases.filter(named.contains)
            party.invoicing.invented = ordered.isEmpty ? nil : ordered
        }
        return party
    }

    /// `key` with its public key in lower-case hexadecimal.
    public static func normalise(_ key: SigningKey) -> SigningKey {
        var key = key
        key.publicKey = key.publicKey.lowercased()
        return key
    }

    /// The parties in the Riksdag, as the minutes abbreviate them.
    public static let nationalParties = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]

    /// A political party as the minutes write it: a national party's abbreviation in capitals
    /// whatever the case it was typed in (`m` is M, ` mp ` is MP); a local party's name as given,
    /// trimmed.
    public static func politicalParty(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let upper = trimmed.uppercased()
        return nationalParties.contains(upper) ? upper : trimmed
    }

    /// `appointment` with its political party as the minutes write it.
    public static func normalise(_ appointment: Appointment) -> Appointment {
        var appointment = appointment
        appointment.politicalParty = politicalParty(appointment.politicalParty)
        return appointment
    }

    /// Every party, appointment and key of `file` in canonical form.
    public static func normalise(_ file: CommitteeFile) -> CommitteeFile {
        var file = file
        file.parties = file.parties.map(normalise)
        file.appointments = file.appointments.map(normalise)
        file.signingKeys = file.signingKeys.map(normalise)
        return file
    }
}
