import KansliArguments
import Testing

/// A malformed spec is a programming error: building it stops the process with a message that
/// names the culprit, so it is caught the first time the executable (or any test) runs.
@Suite("Spec rules: malformed declarations stop the process")
struct SpecRulesTests {
    @Test func namesMustBeLowercaseWordsWithInnerHyphens() async {
        let upper = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = FlagSpec("Json", help: "")
        }
        #expect(stopped(upper, saying: "flag name \"Json\" must be lowercase letters, digits and inner hyphens"))
        let dashed = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("--port", value: "port", help: "")
        }
        #expect(stopped(dashed, saying: "option name \"--port\""))
        let trailing = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = PositionalSpec("file-", help: "")
        }
        #expect(stopped(trailing, saying: "positional argument name \"file-\""))
        let spaced = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("party add", abstract: "")
        }
        #expect(stopped(spaced, saying: "command name \"party add\""))
        let empty = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("", value: "v", help: "")
        }
        #expect(stopped(empty, saying: "option name \"\""))
    }

    @Test func helpIsReserved() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = FlagSpec("help", help: "Mine.")
        }
        #expect(stopped(result, saying: "flag name \"help\" is reserved"))
    }

    @Test func helpAndAbstractAreOneLine() async {
        let abstract = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "One.\nTwo.")
        }
        #expect(stopped(abstract, saying: "abstract of tool must be one line"))
        let help = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("port", value: "port", help: "One.\n")
        }
        #expect(stopped(help, saying: "help of --port must be one line"))
    }

    @Test func optionNeedsAValueName() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("port", value: "", help: "")
        }
        #expect(stopped(result, saying: "--port needs a value name"))
    }

    @Test func repeatableOptionCannotFallBackToTheEnvironment() async {
        let repeatable = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("allow", value: "address", .repeatable, environment: "KANSLI_ALLOW", help: "")
        }
        #expect(stopped(repeatable, saying: "repeatable --allow cannot fall back to an environment variable"))
        let oneOrMore = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("allow", value: "address", .oneOrMore, environment: "KANSLI_ALLOW", help: "")
        }
        #expect(stopped(oneOrMore, saying: "repeatable --allow"))
        let badName = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = OptionSpec("port", value: "port", environment: "A=B", help: "")
        }
        #expect(stopped(badName, saying: "--port has an invalid environment variable name"))
    }

    @Test func namesAreUniqueWithinACommand() async {
        let options = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", options: [OptionSpec("a", value: "v", help: ""),
                                                          OptionSpec("a", value: "w", help: "")])
        }
        #expect(stopped(options, saying: "command \"tool\" declares --a twice"))
        let mixed = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", options: [OptionSpec("json", value: "v", help: "")],
                            flags: [FlagSpec("json", help: "")])
        }
        #expect(stopped(mixed, saying: "declares --json twice"))
        let subcommands = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", subcommands: [CommandSpec("go", abstract: ""),
                                                              CommandSpec("go", abstract: "")])
        }
        #expect(stopped(subcommands, saying: "declares subcommand \"go\" twice"))
        let positionals = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("f", help: ""), PositionalSpec("f", help: "")])
        }
        #expect(stopped(positionals, saying: "declares <f> twice"))
    }

    @Test func subcommandsAtAnyDepthCannotRedeclareAnAncestorsOption() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("kansli", abstract: "", flags: [FlagSpec("json", help: "")], subcommands: [
                CommandSpec("registry", abstract: "", subcommands: [
                    CommandSpec("list", abstract: "", options: [OptionSpec("json", value: "v", help: "")]),
                ]),
            ])
        }
        #expect(stopped(result, saying: "subcommand \"list\" redeclares --json of command \"kansli\""))
    }

    @Test func commandHasSubcommandsOrPositionalsNotBoth() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("f", help: "")],
                            subcommands: [CommandSpec("go", abstract: "")])
        }
        #expect(stopped(result, saying: "cannot have both subcommands and positional arguments"))
    }

    @Test func positionalOrderMustBeUnambiguous() async {
        let repeatNotLast = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("a", .oneOrMore, help: ""),
                                                              PositionalSpec("b", help: "")])
        }
        #expect(stopped(repeatNotLast, saying: "only the last positional argument may repeat"))
        let requiredAfterOptional = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("a", .optional, help: ""),
                                                              PositionalSpec("b", help: "")])
        }
        #expect(stopped(requiredAfterOptional, saying: "required <b> follows an optional one"))
        let requiredAfterDefaulted = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("a", .defaulted("."), help: ""),
                                                              PositionalSpec("b", .oneOrMore, help: "")])
        }
        #expect(stopped(requiredAfterDefaulted, saying: "required <b> follows an optional one"))
        let defaultedAfterOptional = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CommandSpec("tool", abstract: "", positionals: [PositionalSpec("a", .optional, help: ""),
                                                              PositionalSpec("b", .defaulted("x"), help: "")])
        }
        #expect(stopped(defaultedAfterOptional, saying: "defaulted <b> follows an optional one"))
    }

    @Test func wellFormedOrdersAreAccepted() {
        let spec = CommandSpec("tool", abstract: "", positionals: [
            PositionalSpec("a", help: ""), PositionalSpec("b", .defaulted("x"), help: ""),
            PositionalSpec("c", .optional, help: ""), PositionalSpec("d", .repeatable, help: ""),
        ])
        #expect(spec.positionals.map(\.name) == ["a", "b", "c", "d"])
        let siblings = CommandSpec("tool", abstract: "", subcommands: [
            CommandSpec("one", abstract: "", flags: [FlagSpec("x", help: "")]),
            CommandSpec("two", abstract: "", flags: [FlagSpec("x", help: "")]),
        ])
        #expect(siblings.subcommands.count == 2)
    }
}
