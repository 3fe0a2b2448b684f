import KansliPlatform
import KansliProtocol
import RegistryAPI

// Lookups that behave alike in every registry command: a person by id or by name, a party by
// code, name or organisationsnummer. The registry takes ids; these turn what a person types into
// the id, asking the registry only when the text is not already an id.
extension CLIContext {
    /// The id of the person `text` names in `committee`: `text` itself when it is a record id
    /// (`isak-utsi`), otherwise the one person whose name it is, in any case ("Isak Utsi",
    /// "isak utsi"). Several persons of that name are a usage error listing their ids; none is
    /// `not_found` naming `field`.
    func personID(_ text: String, in committee: String, field: String) throws -> String {
        if RecordID.isValid(text) { return text }
        let key = Self.lookupKey(text)
        let persons = try registry(RegistryMethods.personList, ListRequest(committee: committee))
        let named = persons.filter { Self.lookupKey($0.name) == key }
        guard named.count <= 1 else {
            throw usageError("--\(field): \(ServiceError.quote(text)) is the name of \(named.count) persons "
                                 + "(\(named.map(\.id).joined(separator: ", "))); give the id")
        }
        guard let person = named.first else {
            throw ServiceError.notFound("\(committee) has no person with the id or name \(ServiceError.quote(text))",
                                        field: field)
        }
        return person.id
    }

    /// The code of the party `text` names in `committee`: its organisationsnummer (with or without
    /// the hyphen), its code (`boden`), or its name in any case, with or without the words that
    /// every name carries ("Bodens kommun", "Boden", "Region Jämtland Härjedalen", "Jämtland
    /// Härjedalen"). None is `not_found` naming `field`.
    func partyCode(_ text: String, in committee: String, field: String) throws -> String {
        let number = OrganisationNumber(text)
        if number == nil, RecordID.isValid(text) { return text }
        let parties = try registry(RegistryMethods.partyList, ListRequest(committee: committee))
        let found: Party?
        if let number {
            found = parties.first { $0.organisationNumber == number.description }
        } else {
            let key = Self.lookupKey(text)
            found = parties.first { Self.partyNameKeys($0.name).contains(key) }
        }
        guard let found else {
            throw ServiceError.notFound(
                "\(committee) has no party with the code, name or organisationsnummer \(ServiceError.quote(text))",
                field: field)
        }
        return found.code
    }

    /// `text` as lookups compare it: trimmed, inner white space single, lower case.
    static func lookupKey(_ text: String) -> String {
        text.trimmingWhitespace().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
    }

    /// The keys a party's name is found by: the whole name, and the place it names ("Bodens
    /// kommun" → "boden" and "bodens"; "Region Jämtland Härjedalen" → "jämtland härjedalen").
    static func partyNameKeys(_ name: String) -> [String] {
        let whole = lookupKey(name)
        var keys = [whole]
        if whole.hasSuffix(" kommun") {
            let place = String(whole.dropLast(" kommun".count))
            keys.append(place)
            if place.hasSuffix("s") { keys.append(String(place.dropLast())) }
        }
        if whole.hasPrefix("region ") { keys.append(String(whole.dropFirst("region ".count))) }
        return keys
    }

    /// The value of `--option` as a person id (`personID`), or nil when it was left out.
    func personOption(_ option: String, in committee: String) throws -> String? {
        try command.stringIfPresent(option).map { try personID($0, in: committee, field: option) }
    }

    /// The value of `--option` as a party code (`partyCode`), or nil when it was left out.
    func partyOption(_ option: String, in committee: String) throws -> String? {
        try command.stringIfPresent(option).map { try partyCode($0, in: committee, field: option) }
    }

    /// The value of a required `--option` as a person id.
    func requiredPerson(_ option: String, in committee: String) throws -> String {
        try personID(try command.string(option), in: committee, field: option)
    }

    /// The value of a required `--option` as a party code.
    func requiredParty(_ option: String, in committee: String) throws -> String {
        try partyCode(try command.string(option), in: committee, field: option)
    }
}
