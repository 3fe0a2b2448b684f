import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry person list|get|create|update|end|erase`: ledamöter, ersättare and staff as persons.
extension RegistryCommands {
    static let personArgument = PositionalSpec("person", help: "The person: an id (isak-utsi) or a name (\"Isak Utsi\").")

    static var personGroup: CommandGroup {
        kind("person", abstract: "Persons: ledamöter, ersättare and staff, with everything they hold.", [
            list(RegistryMethods.personList, plural: "persons", filters: [.on, .party],
                 columns: ["id", "name", "email", "phone"]) { person in
                [person.id, person.name, person.email ?? "", person.phone ?? ""]
            },
            get(RegistryMethods.personGet, kind: "person with their appointments, roles, staff roles and keys",
                argument: personArgument, render: personText),
            create("create", RegistryMethods.personCreate,
                   abstract: "Creates a person; appoint them with `appointment create` or `staff assign`.",
                   options: [newIDOption(example: "isak-utsi")] + personOptions(.required),
                   flags: [FlagSpec("same-name", help: "Create the person even though one of the same name is in the "
                                        + "committee (two people can share a name); without it that is refused.")],
                   request: { context, committee in
                       let command = context.command
                       return PersonCreate(
                           committee: committee, id: command.stringIfPresent("id"), name: try command.string("name"),
                           email: command.stringIfPresent("email"), phone: command.stringIfPresent("phone"),
                           note: command.stringIfPresent("note"), allowSameName: command.flag("same-name"))
                   },
                   confirm: { person, committee in "Created person \(person.id) (\(person.name)) in \(committee)." }),
            update(RegistryMethods.personUpdate, kind: "person", argument: personArgument, options: personOptions(.optional),
                   load: { try $0.registry(RegistryMethods.personGet, $1).person },
                   edit: { person, changes in
                       try changes.text("name", &person.name)
                       changes.text("email", &person.email)
                       changes.text("phone", &person.phone)
                       changes.text("note", &person.note)
                   },
                   request: PersonUpdate.init),
            end(RegistryMethods.personEnd, kind: "person", argument: personArgument,
                lastDay: dateOption("last-day", .required, help: "The person's last day in the committee; their "
                    + "appointments and staff assignments must have ended by then.")),
            personErase,
        ])
    }

    /// `person erase <committee> <person>`: the contact details of a person who has left.
    static var personErase: Subcommand {
        let spec = CommandSpec("erase", abstract: "Erases the e-mail, telephone and note of a person who has left "
                                   + "(person end); the name stays in the public record.",
                               options: [revisionOption], positionals: [committeeArgument, personArgument])
        return Subcommand(spec: spec) { context in
            let (committee, id) = (try context.committee, try context.recordID)
            let request = PersonErase(committee: committee, id: id,
                                      revision: try context.command.intIfPresent("revision", in: 1...Int.max))
            let person = try context.registry(RegistryMethods.personErase, request)
            try context.show(person) { person in
                "Erased the contact details of \(person.id) (\(person.name)) in \(committee)."
            }
        }
    }

    /// The fields of `create` (name `.required`) and `update` (all `.optional`).
    static func personOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        [
            OptionSpec("name", value: "text", occurrence, help: "The name as in the minutes, e.g. \"Isak Utsi\"."),
            OptionSpec("email", value: "address", help: "An e-mail address for notices."),
            OptionSpec("phone", value: "number", help: "A telephone number."),
            OptionSpec("note", value: "text", help: "A free-text note."),
        ]
    }

    static func personText(_ details: PersonDetails) -> String {
        let person = details.person
        return RegistryText.fields([("id", person.id), ("name", person.name), ("email", person.email),
                                    ("phone", person.phone), ("note", person.note),
                                    ("left after", person.leftOn?.description),
                                    ("contact details erased", person.erasedOn?.description)])
            + RegistryText.section("Appointments", appointmentColumns, details.appointments.map(appointmentRow))
            + RegistryText.section("Roles", roleColumns, details.roles.map(roleRow))
            + RegistryText.section("Staff", staffColumns, details.staff.map(staffRow))
            + RegistryText.section("Pairings", pairingColumns, details.pairings.map(pairingRow))
            + RegistryText.section("Signing keys", signingKeyColumns, details.signingKeys.map(signingKeyRow))
    }
}
