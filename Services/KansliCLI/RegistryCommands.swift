/// `kansli registry …`: filled in with the registry service's commands.
enum RegistryCommands {
    static var groups: [CommandGroup] { [] }
}
