import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry role list|get|assign|update|end`: the presidium, chair and vice chair.
extension RegistryCommands {
    static let roleArgument = PositionalSpec("assignment", help: "The role assignment's id, e.g. chair-carina-sammeli-2019.")

    static var roleGroup: CommandGroup {
        kind("role", abstract: "The presidium: which ledamot is chair or vice chair, and when.", [
            list(RegistryMethods.roleList, plural: "role assignments", filters: [.on, .person],
                 columns: roleColumns, row: roleRow),
            get(RegistryMethods.roleGet, kind: "role assignment", argument: roleArgument) { role in
                RegistryText.fields([("id", role.id), ("person", role.person), ("role", RegistryText.role(role.role)),
                                     ("days", RegistryText.span(role.from, role.to))])
            },
            create("assign", RegistryMethods.roleAssign, abstract: "Makes a ledamot chair or vice chair.",
                   options: [newIDOption(example: "chair-carina-sammeli-2019")] + roleOptions(.required),
                   request: { context, committee in
                       let command = context.command
                       return RoleAssign(
                           committee: committee, id: command.stringIfPresent("id"),
                           person: try context.requiredPerson("person", in: committee),
                           role: try context.choice(try command.string("role"), option: "role", as: CommitteeRole.self),
                           from: try context.date("from"), to: try context.dateIfPresent("to"))
                   },
                   confirm: { role, committee in
                       "\(role.person) is \(RegistryText.role(role.role)) \(RegistryText.span(role.from, role.to)): "
                           + "role assignment \(role.id) in \(committee)."
                   }),
            update(RegistryMethods.roleUpdate, kind: "role assignment", argument: roleArgument,
                   options: roleOptions(.optional),
                   load: { try $0.registry(RegistryMethods.roleGet, $1) },
                   edit: { role, changes in
                       try changes.person("person", &role.person, in: try changes.context.committee)
                       try changes.choice("role", &role.role)
                       try changes.span(&role.from, &role.to)
                   },
                   request: RoleUpdate.init),
            end(RegistryMethods.roleEnd, kind: "role assignment", argument: roleArgument),
            withdraw(.role, argument: roleArgument),
        ])
    }

    /// The fields of `assign` (`.required` but the last day) and `update` (`.optional`).
    static func roleOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        [
            personOption("person", occurrence, help: "The ledamot"),
            OptionSpec("role", value: "chair|vice-chair", occurrence, help: "The presidium role."),
        ] + spanOptions(creating: occurrence == .required, to: "the last day of the person's ledamot appointment")
    }

    static let roleColumns = ["id", "person", "role", "days"]

    static func roleRow(_ role: RoleAssignment) -> [String] {
        [role.id, role.person, RegistryText.role(role.role), RegistryText.span(role.from, role.to)]
    }
}
