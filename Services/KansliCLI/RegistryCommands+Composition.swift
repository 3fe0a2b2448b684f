import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry composition CODE` and `kansli registry substitutes CODE --for LEDAMOT`: who sits
// in the committee on a day, and who may serve for an absent ledamot.
extension RegistryCommands {
    static let dayOption = dateOption("on", help: "The day (default: today in Sweden).")

    static var compositionCommand: CommandGroup {
        let spec = CommandSpec(
            "composition", abstract: "Shows who sits in a committee on a day, party by party.",
            discussion: """
                Each member party with its ledamöter and ersättare (name and political party,
                seat by seat, empty seats as vacant), the chair and vice chair, and the staff:
                the people of the närvarolista.
                """,
            options: [dayOption], positionals: [committeeArgument])
        return leaf(spec) { context in
            let request = CompositionRequest(committee: try context.committee, on: try context.dateOrToday("on"))
            try context.show(try context.registry(RegistryMethods.composition, request), compositionText)
        }
    }

    static var substitutesCommand: CommandGroup {
        let spec = CommandSpec(
            "substitutes", abstract: "Lists the ersättare who may serve for an absent ledamot, in calling order.",
            discussion: """
                Only ersättare appointed by the ledamot's own party may serve: the personal
                ersättare first, then the order of service, then the others by seat.
                """,
            options: [OptionSpec("for", value: "ledamot", .required,
                                 help: "The absent ledamot: a person id (lena-goldkuhl) or the exact name."),
                      dayOption],
            positionals: [committeeArgument])
        return leaf(spec) { context in
            let (committee, day) = (try context.committee, try context.dateOrToday("on"))
            let ledamot = try context.requiredPerson("for", in: committee)
            let request = SubstitutesRequest(committee: committee, ledamot: ledamot, on: day)
            try context.show(try context.registry(RegistryMethods.substitutes, request), substitutesText)
        }
    }

    static func compositionText(_ composition: Composition) -> String {
        let partyNames = Dictionary(composition.parties.map { ($0.party, $0.name) }) { first, _ in first }
        func presidium(_ role: String, _ member: CompositionMember?) -> [String] {
            guard let member else { return [role, "(none)", ""] }
            return [role, RegistryText.member(member), partyNames[member.party] ?? member.party]
        }
        var presidiumTable = TextTable(["presidium", "member", "party"])
        presidiumTable.add(presidium("chair", composition.chair))
        presidiumTable.add(presidium("vice chair", composition.viceChair))

        var members = TextTable(["party", "ledamot", "ersättare"])
        for party in composition.parties {
            let vacant = composition.vacancies.filter { $0.party == party.party }
            func cell(_ seat: Int, _ holders: [CompositionMember], _ kind: AppointmentKind) -> String {
                if let member = holders.first(where: { $0.seat == seat }) {
                    return ([RegistryText.member(member)] + member.roles.map(RegistryText.role)).joined(separator: ", ")
                }
                return vacant.contains { $0.kind == kind && $0.seat == seat } ? "(vacant)" : ""
            }
            let seats = Set((party.ledamoter + party.ersattare).map(\.seat) + vacant.map(\.seat)).sorted()
            for (index, seat) in seats.enumerated() {
                let label = index > 0 ? "" : party.name + (party.isHost ? " (host)" : "")
                members.add([label, cell(seat, party.ledamoter, .ledamot), cell(seat, party.ersattare, .ersattare)])
            }
        }

        let staff = RegistryText.section(
            "Staff", ["name", "role", "title", "organisation", "capacity"],
            composition.staff.map { member in
                let capacity = RegistryText.capacity(acting: member.acting ?? false, external: member.external ?? false)
                let flag = member.alsoMember.map { "ALSO \($0 == .ledamot ? "LEDAMOT" : "ERSÄTTARE")" }
                return [member.name, member.role.rawValue, member.title ?? "", member.organisation ?? "",
                        [capacity, flag ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")]
            })
        let vacantPosts = (composition.staffVacancies ?? []).map { role in
            let acting = composition.staff.first { $0.role == role && $0.acting == true }
            return role.rawValue + (acting.map { " (\($0.name) acting)" } ?? "")
        }
        let posts = vacantPosts.isEmpty ? "" : "\nVacant posts: " + vacantPosts.joined(separator: ", ")
        let vacancies = composition.vacancies.map {
            "\(partyNames[$0.party] ?? $0.party) \($0.kind.rawValue) seat \($0.seat)"
        }
        return """
            Composition of \(composition.committee) on \(composition.date): \(composition.parties.count) parties, \
            \(composition.ledamoter.count) ledamöter, \(composition.ersattare.count) ersättare

            \(presidiumTable.render())

            \(members.render())\(staff)

            Vacant seats: \(vacancies.isEmpty ? "none" : vacancies.joined(separator: ", "))\(posts)
            """
    }

    static func substitutesText(_ list: SubstituteList) -> String {
        let ledamot = "\(RegistryText.member(list.ledamot)), ledamot for \(list.ledamot.partyName ?? list.ledamot.party)"
        guard !list.candidates.isEmpty else {
            return "No ersättare may serve for \(ledamot), in \(list.committee) on \(list.date)."
        }
        var table = TextTable(["order", "ersättare", "party", "basis"])
        for (index, candidate) in list.candidates.enumerated() {
            let basis = switch candidate.basis {
            case .personal: "personal ersättare"
            case .orderOfService: "order of service, rank \(candidate.rank ?? 0)"
            case .sameParty: "same party"
            }
            table.add([String(index + 1), RegistryText.member(candidate.member),
                       candidate.member.partyName ?? candidate.member.party, basis])
        }
        return "Who may serve for \(ledamot), in \(list.committee) on \(list.date)\n\n" + table.render()
    }
}
