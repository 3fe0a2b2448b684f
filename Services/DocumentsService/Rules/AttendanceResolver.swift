import DocumentsAPI
import KansliProtocol
import RegistryAPI

/// Resolves `documents.attendance.set` against the registry's composition on the meeting's day:
/// every ledamot present unless listed absent, ersättare serving one for one for an absent
/// ledamot appointed by the same party (whatever their political parties: seed 002's Johan
/// Johansson (MP), Boden, serves for Lena Goldkuhl (S), Boden), and the differences per
/// paragraph. Pure: it refuses with the reason, or returns the `Attendance` to store.
enum AttendanceResolver {
    static func resolve(_ request: AttendanceSet, composition: Composition) throws -> Attendance {
        try TextRules.count(request.absent.count, field: "absent")
        try TextRules.count(request.substitutions.count, field: "substitutions")
        try TextRules.count(request.presentSubstitutes.count, field: "presentSubstitutes")
        try TextRules.count(request.changes.count, field: "changes")
        try TextRules.count(request.others.count, field: "others")
        let byPerson = Dictionary(composition.parties.flatMap { party in
            (party.ledamoter + party.ersattare).map { ($0.person, (member: $0, partyName: party.name)) }
        }, uniquingKeysWith: { first, _ in first })
        func lookup(_ person: String, field: String, as kind: AppointmentKind? = nil) throws -> CompositionMember {
            try TextRules.person(person, field: field)
            guard let found = byPerson[person]?.member else {
                throw ServiceError.notFound("\(ServiceError.quote(person)) is neither ledamot nor ersättare of \(composition.committee) on \(composition.date)", field: field)
            }
            if let kind, found.kind != kind {
                throw ServiceError.validation("\(found.name) is \(found.kind == .ledamot ? "a ledamot" : "an ersättare") of \(composition.committee) on \(composition.date), not \(kind == .ledamot ? "a ledamot" : "an ersättare")", field: field)
            }
            return found
        }
        func name(_ member: CompositionMember) -> String {
            "\(member.name) (\(member.politicalParty)), \(byPerson[member.person]?.partyName ?? member.party)"
        }

        // Who is named where: each person at most once among absent, serving and present.
        var named: [String: String] = [:]
        func claim(_ person: String, _ field: String) throws {
            if let earlier = named[person], earlier != field {
                throw ServiceError.validation("\(ServiceError.quote(person)) is named both in \(earlier) and in \(field)", field: field)
            }
            named[person] = field
        }
        var absent = Set<String>()
        for (index, person) in request.absent.enumerated() {
            let field = "absent[\(index)]"
            _ = try lookup(person, field: field, as: .ledamot)
            guard absent.insert(person).inserted else { throw ServiceError.validation("\(person) is listed as absent twice", field: field) }
            try claim(person, "absent")
        }
        var present = Set<String>()
        for (index, person) in request.presentSubstitutes.enumerated() {
            let field = "presentSubstitutes[\(index)]"
            _ = try lookup(person, field: field, as: .ersattare)
            guard present.insert(person).inserted else { throw ServiceError.validation("\(person) is listed as present twice", field: field) }
            try claim(person, "presentSubstitutes")
        }

        // Presence from the changes.
        var from: [String: Int] = [:], through: [String: Int] = [:], recusals: [String: [Int]] = [:]
        for (index, change) in request.changes.enumerated() {
            let field = "changes[\(index)]"
            let member = try lookup(change.person, field: "\(field).person")
            try TextRules.number(change.paragraph, field: "\(field).paragraph")
            guard !absent.contains(change.person) else {
                throw ServiceError.validation("\(member.name) is absent from the whole meeting; a change of their attendance contradicts that", field: field)
            }
            switch change.kind {
            case .arrives:
                guard from[change.person] == nil else { throw ServiceError.validation("\(member.name) arrives twice", field: field) }
                from[change.person] = change.paragraph
            case .leaves:
                guard through[change.person] == nil else { throw ServiceError.validation("\(member.name) leaves twice", field: field) }
                guard change.paragraph > 1 else { throw ServiceError.validation("\(member.name) cannot leave before § 1: list them as absent", field: field) }
                through[change.person] = change.paragraph - 1
            case .recused:
                guard !(recusals[change.person] ?? []).contains(change.paragraph) else {
                    throw ServiceError.validation("\(member.name) has jäv on § \(change.paragraph) twice", field: field)
                }
                recusals[change.person, default: []].append(change.paragraph)
            }
            if let first = from[change.person], let last = through[change.person], last < first {
                throw ServiceError.validation("\(member.name) would leave (before § \(last + 1)) before arriving (§ \(first))", field: field)
            }
        }

        // Substitutions: an ersättare of the same party, for an absent ledamot, one for one.
        var spans: [String: [ServiceSpan]] = [:]
        var accepted: [(Substitution, Int)] = []
        for (index, substitution) in request.substitutions.enumerated() {
            let field = "substitutions[\(index)]"
            let substitute = try lookup(substitution.substitute, field: "\(field).substitute", as: .ersattare)
            let ledamot = try lookup(substitution.replaces, field: "\(field).replaces", as: .ledamot)
            if let first = substitution.from { try TextRules.number(first, field: "\(field).from") }
            if let last = substitution.through { try TextRules.number(last, field: "\(field).through") }
            if let first = substitution.from, let last = substitution.through, last < first {
                throw ServiceError.validation("the substitution ends (§ \(last)) before it begins (§ \(first))", field: field)
            }
            try claim(substitution.substitute, "substitutions")
            guard substitute.party == ledamot.party else {
                throw ServiceError.validation("\(name(substitute)) cannot serve for \(name(ledamot)): an ersättare serves only for a ledamot appointed by the same party", field: "\(field).replaces")
            }
            if let clash = presentPart(of: substitution, ledamot: substitution.replaces, absent: absent,
                                       from: from, through: through, recusals: recusals) {
                throw ServiceError.validation("\(name(substitute)) cannot serve for \(ledamot.name) (\(ledamot.politicalParty)) at \(clash): \(ledamot.name) is present then", field: field)
            }
            for (earlier, earlierIndex) in accepted where overlaps(earlier, substitution) {
                if earlier.replaces == substitution.replaces {
                    throw ServiceError.validation("\(ledamot.name) (\(ledamot.politicalParty)) already has an ersättare for those paragraphs (substitutions[\(earlierIndex)]): one serves for one", field: field)
                }
                if earlier.substitute == substitution.substitute {
                    throw ServiceError.validation("\(substitute.name) (\(substitute.politicalParty)) already serves for someone else in those paragraphs (substitutions[\(earlierIndex)]): one serves for one", field: field)
                }
            }
            accepted.append((substitution, index))
            spans[substitution.substitute, default: []].append(
                ServiceSpan(replaces: ledamot.person, replacesName: "\(ledamot.name) (\(ledamot.politicalParty))",
                            from: substitution.from, through: substitution.through))
        }

        let members = composition.parties.flatMap { party in
            (party.ledamoter + party.ersattare).map { member -> Attendee in
                let attends = member.kind == .ledamot ? !absent.contains(member.person)
                    : spans[member.person] != nil || present.contains(member.person)
                return Attendee(person: member.person, name: member.name, party: member.party, partyName: party.name,
                                politicalParty: member.politicalParty, kind: member.kind == .ledamot ? .ledamot : .ersattare,
                                roles: member.roles.map(\.rawValue), attends: attends,
                                from: attends ? from[member.person] : nil, through: attends ? through[member.person] : nil,
                                recusals: attends ? (recusals[member.person] ?? []).sorted() : [],
                                serving: spans[member.person] ?? [])
            }
        }
        for change in request.changes {
            if let member = members.first(where: { $0.person == change.person }), !member.attends {
                throw ServiceError.validation("\(member.name) (\(member.politicalParty)) neither serves nor is listed as present; a change of their attendance needs them present", field: "changes")
            }
        }
        for (index, other) in request.others.enumerated() {
            try TextRules.text(other.name, field: "others[\(index)].name")
            try TextRules.text(other.title, field: "others[\(index)].title")
        }
        let seats = composition.ledamoter.count + composition.vacancies.filter { $0.kind == .ledamot }.count
        return Attendance(
            compositionDate: composition.date, seats: seats,
            parties: composition.parties.map { AttendanceParty(code: $0.party, name: $0.name, isHost: $0.isHost) },
            members: members, others: request.others,
            staff: composition.staff.map { StaffMember(person: $0.person, name: $0.name, role: $0.role.rawValue, title: $0.title) })
    }

    /// The first paragraph (`§ 15`, or `the paragraphs from § 15 on`) of `substitution` at which
    /// the replaced ledamot is present, or nil when they are absent throughout it.
    static func presentPart(of substitution: Substitution, ledamot: String, absent: Set<String>,
                            from: [String: Int], through: [String: Int], recusals: [String: [Int]]) -> String? {
        if absent.contains(ledamot) { return nil }
        // The ledamot is present in [from, through] except for the paragraphs with jäv.
        let low = max(substitution.from ?? Int.min, from[ledamot] ?? Int.min)
        let high = min(substitution.through ?? Int.max, through[ledamot] ?? Int.max)
        guard low <= high else { return nil }
        guard low != Int.min, high != Int.max else {
            return low == Int.min ? "the paragraphs up to § \(high == Int.max ? "the end" : String(high))" : "the paragraphs from § \(low) on"
        }
        let out = Set(recusals[ledamot] ?? [])
        return (low...high).first { !out.contains($0) }.map { "§ \($0)" }
    }

    static func overlaps(_ a: Substitution, _ b: Substitution) -> Bool {
        max(a.from ?? Int.min, b.from ?? Int.min) <= min(a.through ?? Int.max, b.through ?? Int.max)
    }
}
