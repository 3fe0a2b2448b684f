import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry appointment list|get|create|update|end|replace`: seats held as ledamot or ersättare.
extension RegistryCommands {
    static let appointmentArgument = PositionalSpec("appointment", help: "The appointment's id, e.g. isak-utsi-2019.")

    static var appointmentGroup: CommandGroup {
        kind("appointment", abstract: "Appointments: who holds a party's ledamot or ersättare seat, and when.", [
            list(RegistryMethods.appointmentList, plural: "appointments", filters: [.on, .party, .person],
                 columns: appointmentColumns, row: appointmentRow),
            get(RegistryMethods.appointmentGet, kind: "appointment", argument: appointmentArgument) { appointment in
                RegistryText.fields([
                    ("id", appointment.id), ("person", appointment.person), ("party", appointment.party),
                    ("kind", appointment.kind.rawValue), ("seat", String(appointment.seat)),
                    ("political party", appointment.politicalParty),
                    ("mandate period", appointment.mandatePeriod.description),
                    ("days", RegistryText.span(appointment.from, appointment.to)), ("note", appointment.note),
                ])
            },
            create("create", RegistryMethods.appointmentCreate,
                   abstract: "Appoints a person as ledamot or ersättare for a party.",
                   options: [newIDOption(example: "isak-utsi-2019")] + appointmentOptions(.required),
                   request: { context, committee in
                       let command = context.command
                       return AppointmentCreate(
                           committee: committee, id: command.stringIfPresent("id"),
                           person: try context.requiredPerson("person", in: committee),
                           party: try context.requiredParty("party", in: committee),
                           kind: try appointmentKind(try command.string("kind"), context),
                           seat: try command.intIfPresent("seat", in: 1...999),
                           politicalParty: try command.string("political-party"),
                           mandatePeriod: try mandatePeriod(try command.string("mandate-period"), context),
                           from: try context.dateIfPresent("from"), to: try context.dateIfPresent("to"),
                           note: command.stringIfPresent("note"))
                   },
                   confirm: { appointment, committee in
                       "Appointed \(appointment.person) (\(appointment.politicalParty)) \(appointment.kind.rawValue) seat "
                           + "\(appointment.seat) for \(appointment.party) \(RegistryText.span(appointment.from, appointment.to)): "
                           + "appointment \(appointment.id) in \(committee)."
                   }),
            update(RegistryMethods.appointmentUpdate, kind: "appointment", argument: appointmentArgument,
                   options: appointmentOptions(.optional),
                   load: { try $0.registry(RegistryMethods.appointmentGet, $1) },
                   edit: { appointment, changes in
                       let context = changes.context
                       try changes.person("person", &appointment.person, in: try context.committee)
                       try changes.party("party", &appointment.party, in: try context.committee)
                       try changes.value("kind", &appointment.kind) { try appointmentKind($0, context) }
                       try changes.int("seat", &appointment.seat, in: 1...999)
                       try changes.text("political-party", &appointment.politicalParty)
                       try changes.value("mandate-period", &appointment.mandatePeriod) { try mandatePeriod($0, context) }
                       try changes.span(&appointment.from, &appointment.to)
                       changes.text("note", &appointment.note)
                   },
                   request: AppointmentUpdate.init),
            end(RegistryMethods.appointmentEnd, kind: "appointment", argument: appointmentArgument),
            appointmentReplace,
            withdraw(.appointment, argument: appointmentArgument),
        ])
    }

    /// The fields of `create` (who, for whom, what, when: `.required`) and `update` (`.optional`).
    static func appointmentOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        let creating = occurrence == .required
        return [
            personOption("person", occurrence, help: "The person"),
            partyOption("party", occurrence, help: "The appointing party"),
            OptionSpec("kind", value: "ledamot|ersattare", occurrence, help: "A full seat or a substitute seat."),
            OptionSpec("political-party", value: "abbreviation", occurrence, help: "The political party, e.g. S, M, MP."),
            OptionSpec("mandate-period", value: "yyyy-yyyy", occurrence, help: "The term of office, e.g. 2019-2022."),
            OptionSpec("seat", value: "number", help: "The seat number among the party's seats of this kind"
                       + (creating ? " (default: the lowest seat free throughout)." : ".")),
        ] + spanOptions(creating: creating, from: "the period's first day, or the party's join date",
                        to: "the mandate period's last day") + [
            OptionSpec("note", value: "text", help: "A free-text note, e.g. the appointing decision."),
        ]
    }

    static let appointmentColumns = ["id", "person", "party", "kind", "seat", "political party", "period", "days"]

    static func appointmentRow(_ appointment: Appointment) -> [String] {
        [appointment.id, appointment.person, appointment.party, appointment.kind.rawValue, String(appointment.seat),
         appointment.politicalParty, appointment.mandatePeriod.description,
         RegistryText.span(appointment.from, appointment.to)]
    }

    /// `ledamot`, `ersattare` or `ersättare`, any case.
    static func appointmentKind(_ text: String, _ context: CLIContext) throws -> AppointmentKind {
        try context.choice(text, option: "kind", expected: AppointmentKind.allCases.map(\.rawValue),
                           AppointmentKind.init(parsing:))
    }

    /// `2019-2022`.
    static func mandatePeriod(_ text: String, _ context: CLIContext) throws -> MandatePeriod {
        try context.formatted(text, option: "mandate-period", MandatePeriod.init(parsing:))
    }
}
