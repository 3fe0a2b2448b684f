import KansliProtocol
import RegistryAPI

/// Rules for a party of a committee: its organisationsnummer, membership dates, seats, host flag,
/// invoicing details, and that no party is in the committee twice.
public enum PartyRules {
    /// The most seats of one kind a party may have.
    public static let maxSeats = 50

    /// Checks `party` as a member of the committee in `state` (where it may already be stored:
    /// records with the same code are not compared with it).
    public static func validate(_ party: Party, in state: CommitteeState, at path: FieldPath) throws(ServiceError) {
        try TextRules.id(party.code, field: path("code"), kind: "party")
        try TextRules.required(party.name, field: path("name"), what: "the party's name")
        let number: OrganisationNumber
        do {
            number = try OrganisationNumber(parsing: party.organisationNumber)
        } catch {
            throw .validation(error.message, field: path("organisationNumber"))
        }
        if let leftOn = party.leftOn, leftOn < party.joinedOn {
            throw .validation(
                "\(party.name) cannot leave on \(leftOn), before it joined on \(party.joinedOn)",
                field: path("leftOn"))
        }
        if let established = state.committee.establishedOn, party.joinedOn < established {
            throw .validation(
                "\(party.name) cannot join on \(party.joinedOn), before \(state.code) was established on "
                    + "\(established)", field: path("joinedOn"))
        }
        if let ended = state.committee.endedOn, !(party.leftOn.map { $0 <= ended } ?? false) {
            throw .validation(
                "\(state.code) ended on \(ended); \(party.name)'s membership must end by then",
                field: path("leftOn"))
        }
        guard (1...maxSeats).contains(party.memberSeats) else {
            throw .validation("a party appoints 1–\(maxSeats) ledamöter, got \(party.memberSeats)",
                              field: path("memberSeats"))
        }
        guard (0...maxSeats).contains(party.substituteSeats) else {
            throw .validation("a party appoints 0–\(maxSeats) ersättare, got \(party.substituteSeats)",
                              field: path("substituteSeats"))
        }
        try validateInvoicing(party, at: path.nested("invoicing"))
        try TextRules.optional(party.note, field: path("note"), what: "the note", maxLength: TextRules.maxNoteLength)

        for other in state.file.parties where other.code != party.code {
            if other.organisationNumber == number.description
                || OrganisationNumber(other.organisationNumber) == number
            {
                throw .conflict(
                    "\(number) is already in \(state.code) as \(other.name) (\(other.code)): a party can be "
                        + "in a committee only once", field: path("organisationNumber"))
            }
            if other.name.lowercased() == party.name.lowercased() {
                throw .conflict(
                    "\(state.code) already has a party named \(other.name) (\(other.code)): a party can be in "
                        + "a committee only once", field: path("name"))
            }
            if party.isHost, other.isHost, other.membership.overlaps(party.membership) {
                throw .conflict(
                    "\(other.name) is the host of \(state.code) \(other.membership); a committee has one host at "
                        + "a time: end that membership or clear its host flag first", field: path("isHost"))
            }
        }
    }

    /// Checks the invoicing details: address, buyer reference, Peppol id, and that only the host
    /// has a bankgiro (with a valid check digit).
    static func validateInvoicing(_ party: Party, at path: FieldPath) throws(ServiceError) {
        let invoicing = party.invoicing
        if let address = invoicing.address {
            guard !address.lines.isEmpty, address.lines.count <= 5 else {
                throw .validation("an address has 1–5 lines above the postal code", field: path("address.lines"))
            }
            for (index, line) in address.lines.enumerated() {
                try TextRules.required(line, field: path("address.lines[\(index)]"), what: "an address line",
                                       maxLength: 100)
                guard !line.contains("\n") else {
                    throw .validation("an address line cannot contain a line break; use one line per entry",
                                      field: path("address.lines[\(index)]"))
                }
            }
            let digits = address.postalCode.filter { $0 != " " }
            guard digits.count == 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .validation(
                    "\(ServiceError.quote(address.postalCode)) is not a Swedish postal code: expected five digits, "
                        + "e.g. 971 85",
                    field: path("address.postalCode"))
            }
            try TextRules.required(address.city, field: path("address.city"), what: "the postal town", maxLength: 100)
        }
        try TextRules.optional(invoicing.buyerReference, field: path("buyerReference"), what: "the buyer's reference",
                               maxLength: 100)
        if let peppol = invoicing.peppolID {
            let parts = peppol.split(separator: ":", maxSplits: 1)
            let schemeOK = parts.count == 2 && parts[0].count == 4 && parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            let idOK = parts.count == 2 && (1...50).contains(parts[1].count)
                && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
            guard schemeOK && idOK else {
                throw .validation(
                    "\(ServiceError.quote(peppol)) is not a Peppol participant id: expected scheme:identifier, "
                        + "e.g. 0007:2120002742",
                    field: path("peppolID"))
            }
        }
        if let bankgiro = invoicing.bankgiro {
            guard party.isHost else {
                throw .validation(
                    "only the host party has a bankgiro (payments of the committee go to the host); "
                        + "\(party.name) is not the host", field: path("bankgiro"))
            }
            do {
                _ = try Bankgiro(parsing: bankgiro)
            } catch {
                throw .validation(error.message, field: path("bankgiro"))
            }
        }
        try validateInvented(invoicing, at: path)
    }

    /// Checks `invented`: each detail named once, and only details that are set (marking a
    /// missing detail invented would hide that it is missing).
    static func validateInvented(_ invoicing: InvoiceDetails, at path: FieldPath) throws(ServiceError) {
        guard let invented = invoicing.invented else { return }
        var seen: Set<InvoiceField> = []
        for (index, field) in invented.enumerated() {
            guard seen.insert(field).inserted else {
                throw .validation("\(field.rawValue) is named twice as invented; name each detail once",
                                  field: path("invented[\(index)]"))
            }
            let isSet = switch field {
            case .address: invoicing.address != nil
            case .buyerReference: invoicing.buyerReference != nil
            case .peppolID: invoicing.peppolID != nil
            case .bankgiro: invoicing.bankgiro != nil
            }
            guard isSet else {
                throw .validation("\(field.rawValue) is named as invented but not set: set it, or leave it out of "
                                      + "invented", field: path("invented[\(index)]"))
            }
        }
    }
}
