import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry staff list|get|assign|update|end`: the secretary and the coordinator.
extension RegistryCommands {
    static let staffArgument = PositionalSpec("assignment", help: "The staff assignment's id, e.g. secretary-robert-karlsson.")

    static var staffGroup: CommandGroup {
        kind("staff", abstract: "Staff: the committee's secretary and coordinator, and when they serve.", [
            list(RegistryMethods.staffList, plural: "staff assignments", filters: [.on, .person],
                 columns: staffColumns, row: staffRow),
            get(RegistryMethods.staffGet, kind: "staff assignment", argument: staffArgument) { staff in
                RegistryText.fields([("id", staff.id), ("person", staff.person), ("role", staff.role.rawValue),
                                     ("title", staff.title), ("organisation", staff.organisation),
                                     ("acting (t.f.)", staff.isActing ? "yes" : nil),
                                     ("external", staff.isExternal ? "yes" : nil),
                                     ("days", RegistryText.span(staff.from, staff.to))])
            },
            create("assign", RegistryMethods.staffAssign, abstract: "Gives a person a staff role.",
                   options: [newIDOption(example: "secretary-robert-karlsson")] + staffOptions(.required),
                   flags: staffFlags,
                   request: { context, committee in
                       let command = context.command
                       return StaffAssign(
                           committee: committee, id: command.stringIfPresent("id"),
                           person: try context.requiredPerson("person", in: committee),
                           role: try context.choice(try command.string("role"), option: "role", as: StaffRole.self),
                           title: command.stringIfPresent("title"), organisation: command.stringIfPresent("organisation"),
                           from: try context.date("from"), to: try context.dateIfPresent("to"),
                           acting: command.flag("acting") ? true : nil, external: command.flag("external") ? true : nil)
                   },
                   confirm: { staff, committee in
                       "\(staff.person) is \(staff.role.rawValue) \(RegistryText.span(staff.from, staff.to)): "
                           + "staff assignment \(staff.id) in \(committee)."
                   }),
            update(RegistryMethods.staffUpdate, kind: "staff assignment", argument: staffArgument,
                   options: staffOptions(.optional),
                   flags: staffFlags + [FlagSpec("no-acting", help: "The person holds the post rather than acts in it."),
                                        FlagSpec("no-external", help: "The person is the host's own staff.")],
                   load: { try $0.registry(RegistryMethods.staffGet, $1) },
                   edit: { staff, changes in
                       try changes.person("person", &staff.person, in: try changes.context.committee)
                       try changes.choice("role", &staff.role)
                       changes.text("title", &staff.title)
                       changes.text("organisation", &staff.organisation)
                       try changes.span(&staff.from, &staff.to)
                       try changes.optionalFlag("acting", &staff.acting)
                       try changes.optionalFlag("external", &staff.external)
                   },
                   request: StaffUpdate.init),
            end(RegistryMethods.staffEnd, kind: "staff assignment", argument: staffArgument),
            withdraw(.staff, argument: staffArgument),
        ])
    }

    /// The fields of `assign` (who, what, from: `.required`) and `update` (`.optional`).
    static func staffOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        [
            personOption("person", occurrence, help: "The person"),
            OptionSpec("role", value: "secretary|coordinator", occurrence, help: "The staff role."),
        ] + spanOptions(creating: occurrence == .required) + [
            OptionSpec("title", value: "text", help: "The title as in the minutes, e.g. Sekreterare."),
            OptionSpec("organisation", value: "text", help: "The employer when it is not the host, e.g. Evado."),
        ]
    }

    /// `--acting` and `--external` of `assign` and `update`.
    static let staffFlags = [
        FlagSpec("acting", help: "The person acts in the role (t.f.) while the post is vacant."),
        FlagSpec("external", help: "The person is an external consultant (give --organisation)."),
    ]

    static let staffColumns = ["id", "person", "role", "title", "organisation", "capacity", "days"]

    static func staffRow(_ staff: StaffAssignment) -> [String] {
        [staff.id, staff.person, staff.role.rawValue, staff.title ?? "", staff.organisation ?? "",
         RegistryText.capacity(acting: staff.isActing, external: staff.isExternal), RegistryText.span(staff.from, staff.to)]
    }
}
