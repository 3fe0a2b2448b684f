import KansliProtocol
import RegistryAPI

/// Rules for an appointment as ledamot or ersättare: it refers to a person and a party that exist,
/// lies within its mandate period and the party's membership, takes a seat the party has, and
/// overlaps neither another appointment to the same seat nor another appointment of the same person.
public enum AppointmentRules {
    /// The longest political-party designation accepted, e.g. "Sjukvårdspartiet".
    public static let maxPoliticalPartyLength = 60

    /// Checks `appointment` within the committee in `state` (where it may already be stored: the
    /// record with the same id is not compared with it).
    public static func validate(_ appointment: Appointment, in state: CommitteeState, at path: FieldPath)
        throws(ServiceError)
    {
        try TextRules.id(appointment.id, field: path("id"), kind: "appointment")
        guard state.person(appointment.person) != nil else {
            throw state.missing("person", appointment.person, field: path("person"))
        }
        guard let party = state.party(appointment.party) else {
            throw state.missing("party", appointment.party, field: path("party"))
        }
        try TextRules.required(appointment.politicalParty, field: path("politicalParty"), what: "the political party",
                               maxLength: maxPoliticalPartyLength)
        try validatePoliticalParty(appointment.politicalParty, in: state.committee, at: path("politicalParty"))
        try TextRules.optional(appointment.note, field: path("note"), what: "the note",
                               maxLength: TextRules.maxNoteLength)
        let name = state.name(ofPerson: appointment.person)
        try TextRules.ordered(from: appointment.from, to: appointment.to, field: path("to"),
                              what: "\(name)'s appointment")
        if let left = state.person(appointment.person)?.leftOn, appointment.to > left {
            throw .validation(
                "\(name) left \(state.code) after \(left); \(name)'s appointment \(appointment.id) cannot run to "
                    + "\(appointment.to): end it first (kansli registry appointment end \(state.code) \(appointment.id) "
                    + "--last-day \(left))", field: path("to"))
        }

        let period = appointment.mandatePeriod
        try validateMandatePeriod(period, in: state.committee, at: path("mandatePeriod"))
        guard appointment.from >= period.firstDay else {
            throw .validation(
                "\(name)'s appointment starts on \(appointment.from), before the mandate period \(period) begins "
                    + "on \(period.firstDay)", field: path("from"))
        }
        guard appointment.to <= period.lastDay else {
            throw .validation(
                "\(name)'s appointment runs to \(appointment.to), after the mandate period \(period) ends on "
                    + "\(period.lastDay)", field: path("to"))
        }

        guard appointment.from >= party.joinedOn else {
            throw .validation(
                "\(party.name) joined \(state.code) on \(party.joinedOn); it cannot have appointed \(name) from "
                    + "\(appointment.from)", field: path("from"))
        }
        if let leftOn = party.leftOn, appointment.to > leftOn {
            throw .validation(
                "\(party.name) left \(state.code) after \(leftOn); \(name)'s appointment for it cannot run to "
                    + "\(appointment.to)", field: path("to"))
        }

        let seats = appointment.kind == .ledamot ? party.memberSeats : party.substituteSeats
        guard appointment.seat >= 1, appointment.seat <= seats else {
            let noun = appointment.kind == .ledamot ? "ledamot" : "ersättare"
            throw .validation(
                "\(party.name) has \(seats) \(noun) seat\(seats == 1 ? "" : "s"); there is no seat "
                    + "\(appointment.seat)", field: path("seat"))
        }

        for other in state.appointments(ofParty: appointment.party)
        where other.id != appointment.id && other.kind == appointment.kind && other.seat == appointment.seat
            && other.span.overlaps(appointment.span)
        {
            throw .conflict(
                "\(appointment.kind.rawValue) seat \(appointment.seat) of \(party.name) is held by "
                    + "\(state.name(ofPerson: other.person)) \(other.span) (\(other.id)); appointments to the same "
                    + "seat cannot overlap", field: path("from"))
        }
        for other in state.appointments(ofPerson: appointment.person)
        where other.id != appointment.id && other.span.overlaps(appointment.span) {
            throw .conflict(
                "\(name) already holds an appointment as \(other.kind.rawValue) for "
                    + "\(state.name(ofParty: other.party)) \(other.span) (\(other.id)); a person sits in a "
                    + "committee only once at a time", field: path("person"))
        }
    }

    /// Checks that `politicalParty` is a national party or one of `committee`'s local parties, in
    /// the form they are stored in (the handlers normalise it first: `(S)` is S).
    static func validatePoliticalParty(_ politicalParty: String, in committee: Committee, at field: String)
        throws(ServiceError)
    {
        let local = committee.localPoliticalParties ?? []
        guard let known = PoliticalParties.canonical(politicalParty, localParties: local) else {
            let listed = local.isEmpty ? "it lists none" : "it lists " + local.joined(separator: ", ")
            throw .validation(
                "\(ServiceError.quote(politicalParty)) is not a political party of \(committee.code): use one of "
                    + PoliticalParties.national.joined(separator: ", ") + " or a local party of the committee ("
                    + "\(listed); add one with kansli registry committee update \(committee.code) --local-party NAME)",
                field: field)
        }
        guard known == politicalParty else {
            throw .validation("write the political party \(ServiceError.quote(politicalParty)) as \(known)", field: field)
        }
    }

    /// Checks `period` against the committee's `mandatePeriodRule`: by default a term of office
    /// that follows a general election (2015-2018, 2019-2022, 2023-2026 …).
    static func validateMandatePeriod(_ period: MandatePeriod, in committee: Committee, at field: String)
        throws(ServiceError)
    {
        guard (committee.mandatePeriodRule ?? .electionTerms) == .electionTerms, !period.isElectionTerm else { return }
        let term = MandatePeriod.electionTerm(containing: period.startYear).map { ": the term of \(period.startYear) is \($0)" } ?? ""
        throw .validation(
            "\(period) is not a term of office\(term); \(committee.code)'s mandate periods follow the general "
                + "elections (2015-2018, 2019-2022, 2023-2026 …) unless the committee says otherwise "
                + "(kansli registry committee update \(committee.code) --mandate-periods any)", field: field)
    }
}
