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
    public static let nationalParties = PoliticalParties.national

    /// A political party as the minutes write it (`PoliticalParties`): a national party's
    /// abbreviation whatever spelling it was given in (`m` is M, `(S)` and `Socialdemokraterna` are
    /// S), a local party of `committee` by the name the committee lists; anything else cleaned of
    /// surrounding white space and parentheses, for the rules to refuse.
    public static func politicalParty(_ text: String, in committee: Committee? = nil) -> String {
        PoliticalParties.canonical(text, localParties: committee?.localPoliticalParties ?? [])
            ?? PoliticalParties.cleaned(text)
    }

    /// `appointment` with its political party as the minutes write it, among the national parties
    /// and `committee`'s local ones.
    public static func normalise(_ appointment: Appointment, in committee: Committee? = nil) -> Appointment {
        var appointment = appointment
        appointment.politicalParty = politicalParty(appointment.politicalParty, in: committee)
        return appointment
    }

    /// `staff` with `acting` and `external` nil rather than false, so that no means one thing.
    public static func normalise(_ staff: StaffAssignment) -> StaffAssignment {
        var staff = staff
        if staff.acting == false { staff.acting = nil }
        if staff.external == false { staff.external = nil }
        return staff
    }

    /// `committee` with its local political parties cleaned of surrounding white space and
    /// parentheses, and no list rather than an empty one.
    public static func normalise(_ committee: Committee) -> Committee {
        var committee = committee
        if let local = committee.localPoliticalParties {
            let cleaned = local.map(PoliticalParties.cleaned)
            committee.localPoliticalParties = cleaned.isEmpty ? nil : cleaned
        }
        return committee
    }

    /// Every party, appointment and key of `file` in canonical form.
    public static func normalise(_ file: CommitteeFile) -> CommitteeFile {
        var file = file
        file.committee = normalise(file.committee)
        file.parties = file.parties.map(normalise)
        file.appointments = file.appointments.map { normalise($0, in: file.committee) }
        file.staff = file.staff.map(normalise)
        file.signingKeys = file.signingKeys.map(normalise)
        return file
    }
}
