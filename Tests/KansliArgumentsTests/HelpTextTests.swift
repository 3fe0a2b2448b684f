import KansliArguments
import Testing

@Suite("Help text: generated, English, deterministic")
struct HelpTextTests {
    let cli = Fixtures.cli

    @Test func rootHelpListsOptionsAndSubcommands() {
        #expect(cli.helpText() == """
            Talks to the Kansli services.

            Usage: kansli [options] <subcommand>

            Options:
              --registry <host:port>  Address of the registry service.
                                      (default: 127.0.0.1:7401, env: KANSLI_REGISTRY)
              --key-id <id>           Id of the client key. (env: KANSLI_KEY_ID)
              --secret-file <file>    File holding the key's secret.
                                      (env: KANSLI_SECRET_FILE)
              --timeout <seconds>     Seconds to wait for an answer. (default: 10)
              --json                  Print JSON instead of text.
              -h, --help              Show this help.

            Subcommands:
              health                  Checks that the services answer.
              registry                Committees, parties and members.
              finance                 Budgets and invoices.
              documents               Meetings, minutes and signatures.

            Run 'kansli <subcommand> --help' for help on a subcommand.

            """)
    }

    @Test func leafHelpShowsDiscussionRequiredOptionsAndGlobalOptions() {
        #expect(cli.helpText(for: ["registry", "party", "add"]) == """
            Adds a party to a committee.

            The organisationsnummer is Luhn-checked by the registry.

            Usage: kansli registry party add --committee <code> --name <name> [options]

            Options:
              --committee <code>      The committee's code. (required)
              --name <name>           The municipality or region. (required)
              --org-number <number>   Organisationsnummer.
              --joined <date>         The day the party joined.
              --host                  The party is the host (värdkommun).
              -h, --help              Show this help.

            Global options:
              --registry <host:port>  Address of the registry service.
                                      (default: 127.0.0.1:7401, env: KANSLI_REGISTRY)
              --key-id <id>           Id of the client key. (env: KANSLI_KEY_ID)
              --secret-file <file>    File holding the key's secret.
                                      (env: KANSLI_SECRET_FILE)
              --timeout <seconds>     Seconds to wait for an answer. (default: 10)
              --json                  Print JSON instead of text.

            """)
    }

    @Test func serviceHelpAlignsItsOwnColumn() {
        #expect(Fixtures.registryService.helpText() == """
            Runs the Kansli registry service.

            Serves committees, parties and members over the Kansli protocol.

            Usage: kansli-registry --data-dir <dir> [options]

            Options:
              --port <port>        TCP port to listen on; 0 picks a free one.
                                   (default: 7401, env: KANSLI_REGISTRY_PORT)
              --host <address>     Address to listen on. (default: 127.0.0.1)
              --data-dir <dir>     Directory of the database. (required)
              --keys <file>        File of client keys. (required, env: KANSLI_KEYS)
              --log-level <level>  debug, info, warning or error. (default: info)
              --allow <address>    A client address to accept. (repeatable)
              --read-only          Refuse every write.
              -h, --help           Show this help.

            """)
    }

    @Test func positionalArgumentsGetTheirOwnSectionAndUsageSyntax() {
        let help = cli.helpText(for: ["finance", "split"])
        #expect(help.hasPrefix("""
            Splits an amount equally between parties.

            Usage: kansli finance split --party <name>... --amount <kronor> [options] [<year>] [<lines>...]

            Arguments:
              <year>                  The budget year. (optional)
              <lines>                 Budget lines to split. (optional, repeatable)

            Options:
              --party <name>          A party to share it. (required, repeatable)
              --note <text>           A line for the record. (repeatable)
              --amount <kronor>       The amount, whole kronor. (required)
              -h, --help              Show this help.

            """))
        #expect(cli.helpText(for: ["registry", "export"]).contains("  <dir>                   Where to write it. (default: .)\n"))
        #expect(cli.helpText(for: ["documents", "verify"]).contains("  <protocol>              Protocol files. (repeatable)\n"))
    }

    @Test func usageLinesShowWhatMustBeTyped() {
        #expect(cli.usage() == "Usage: kansli [options] <subcommand>")
        #expect(cli.usage(for: ["registry", "import"]) == "Usage: kansli registry import [options] <file>")
        #expect(cli.usage(for: ["documents", "verify"]) == "Usage: kansli documents verify [options] <protocol>...")
        #expect(cli.usage(for: ["finance", "adjust"]) == "Usage: kansli finance adjust [options] <party> <kronor>")
        let bare = CommandSpec("kansli-finance", abstract: "Runs the finance service.")
        #expect(bare.usage() == "Usage: kansli-finance")
        let onlyRequired = CommandSpec("tool", abstract: "A tool.",
                                       options: [OptionSpec("in", value: "file", .required, help: "Input.")])
        #expect(onlyRequired.usage() == "Usage: tool --in <file>")
    }

    @Test func longEntryPutsItsHelpOnTheNextLine() {
        let spec = CommandSpec("tool", abstract: "A tool.", options: [
            OptionSpec("port", value: "port", help: "Port."),
            OptionSpec("an-exceedingly-long-option", value: "value", help: "Long one."),
        ])
        #expect(spec.helpText() == """
            A tool.

            Usage: tool [options]

            Options:
              --port <port>                 Port.
              --an-exceedingly-long-option <value>
                                            Long one.
              -h, --help                    Show this help.

            """)
    }

    @Test func discussionIsPrintedAsWrittenWithoutSurroundingBlankLines() {
        let spec = CommandSpec("tool", abstract: "A tool.", discussion: "\n\nFirst line.   \n  Indented line.\n\nLast.\n\n",
                               flags: [FlagSpec("dry-run", help: "")])
        #expect(spec.helpText() == """
            A tool.

            First line.
              Indented line.

            Last.

            Usage: tool [options]

            Options:
              --dry-run
              -h, --help  Show this help.

            """)
    }

    @Test func helpLinesStayWithinEightyColumns() {
        let spec = CommandSpec("tool", abstract: "A tool.", options: [
            OptionSpec("mode", value: "name", .defaulted("fast"), environment: "TOOL_MODE", help: String(
                repeating: "words that keep going ", count: 12)),
        ])
        let lines = spec.helpText().split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains { $0.hasSuffix("(default: fast, env: TOOL_MODE)") })
    }

    @Test func unknownHelpPathStopsTheProcess() async {
        let help = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Fixtures.cli.helpText(for: ["registry", "nope"])
        }
        #expect(stopped(help, saying: "kansli has no subcommand registry nope"))
        let usage = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Fixtures.cli.usage(for: ["nope"])
        }
        #expect(stopped(usage, saying: "kansli has no subcommand nope"))
    }
}
