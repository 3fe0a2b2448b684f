import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry appointment replace`: a mid-term replacement in one command.
extension RegistryCommands {
    /// `appointment replace <committee> <appointment> --last-day D (--successor ID | --successor-name NAME)`.
    static var appointmentReplace: Subcommand {
        let spec = CommandSpec(
            "replace",
            abstract: "A mid-term replacement: the appointment ends, a successor takes the seat for the rest of it, "
                + "and the personal ersättare follows.",
            options: [
                dateOption("last-day", .required, help: "The leaver's last day; the successor holds the seat from the next day."),
                personOption("successor", help: "The successor, if they are in the registry"),
                OptionSpec("successor-name", value: "name", help: "The name of a successor not yet in the registry: "
                    + "creates the person."),
                newIDOption(example: "anna-berg-2019"),
                OptionSpec("political-party", value: "abbreviation", help: "The successor's political party; by default "
                    + "the leaver's."),
                OptionSpec("note", value: "text", help: "A note on the new appointment, e.g. the appointing decision."),
                revisionOption,
            ],
            flags: [FlagSpec("end-roles", help: "Also end the leaver's chair or vice chair role after the last day.")],
            positionals: [committeeArgument, appointmentArgument])
        return Subcommand(spec: spec) { context in
            let command = context.command
            let (committee, id) = (try context.committee, try context.recordID)
            let successor = try context.personOption("successor", in: committee)
            let name = command.stringIfPresent("successor-name")
            guard (successor == nil) != (name == nil) else {
                throw context.usageError("give either --successor (a person id) or --successor-name (a new person)")
            }
            let request = AppointmentReplace(
                committee: committee, appointment: id, lastDay: try context.date("last-day"), successor: successor,
                successorName: name, id: command.stringIfPresent("id"),
                politicalParty: command.stringIfPresent("political-party"), note: command.stringIfPresent("note"),
                revision: try command.intIfPresent("revision", in: 1...Int.max), endRoles: command.flag("end-roles"))
            let result = try context.registry(RegistryMethods.appointmentReplace, request)
            try context.show(result) { result in
                let new = result.appointment
                var lines = [
                    "Appointment \(result.ended.id) of \(committee) ends after \(result.ended.to).",
                    "\(new.person) (\(new.politicalParty)) holds \(new.kind.rawValue) seat \(new.seat) for \(new.party) "
                        + "\(RegistryText.span(new.from, new.to)): appointment \(new.id)"
                        + (result.createdPerson.map { ", person \($0.id) created" } ?? "") + ".",
                ]
                for (old, next) in zip(result.endedPairings, result.pairings) {
                    lines.append("Pairing \(old.id) ends after \(old.to); \(next.id) follows "
                                 + "\(RegistryText.span(next.from, next.to)).")
                }
                for role in result.endedRoles {
                    lines.append("Role \(role.id) ends after \(role.to).")
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
