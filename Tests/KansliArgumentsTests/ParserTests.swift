import KansliArguments
import Testing

@Suite("Parser: options, flags, words and the environment")
struct ParserTests {
    let service = Fixtures.registryService
    let cli = Fixtures.cli

    // MARK: - Option syntax

    @Test func serviceCommandLineGivesEveryValue() throws {
        let parsed = try command(service, ["--port", "0", "--host", "127.0.0.1", "--data-dir", "/tmp/d",
                                           "--keys", "/tmp/k", "--log-level", "debug"])
        #expect(parsed.path == [])
        #expect(try parsed.int("port", in: 0...65535) == 0)
        #expect(try parsed.string("host") == "127.0.0.1")
        #expect(try parsed.string("data-dir") == "/tmp/d")
        #expect(try parsed.string("keys") == "/tmp/k")
        #expect(try parsed.string("log-level") == "debug")
        #expect(parsed.flag("read-only") == false)
    }

    @Test func equalsFormMeansTheSameAsSeparateValue() throws {
        let parsed = try command(service, ["--port=8080", "--data-dir=/tmp/d", "--keys=/tmp/k"])
        #expect(try parsed.int("port") == 8080)
        #expect(try parsed.string("data-dir") == "/tmp/d")
    }

    @Test func equalsFormKeepsEverythingAfterTheFirstEqualsSign() throws {
        let parsed = try command(service, Fixtures.serviceBasics + ["--host=a=b", "--log-level="])
        #expect(try parsed.string("host") == "a=b")
        #expect(try parsed.string("log-level") == "")
    }

    @Test func valueStartingWithDoubleDashMustBeAttached() throws {
        let parsed = try command(service, Fixtures.serviceBasics + ["--host=--weird"])
        #expect(try parsed.string("host") == "--weird")

        let error = try #require(failure(service, ["--host", "--read-only"] + Fixtures.serviceBasics))
        #expect(error.code == .missingValue)
        #expect(error.message == "--host: expected a value <address>, got --read-only (write --host=--read-only if that is the value)")
    }

    @Test func optionAtTheEndWithoutValueIsMissingValue() throws {
        let error = try #require(failure(service, Fixtures.serviceBasics + ["--port"]))
        #expect(error.code == .missingValue)
        #expect(error.message == "--port: expected a value <port>")
        #expect(error.command == "kansli-registry")
    }

    @Test func singleDashWordsAreValues() throws {
        let parsed = try command(cli, ["finance", "split", "--amount", "-500", "--party", "-", "--note", "-x"])
        #expect(try parsed.int("amount") == -500)
        #expect(parsed.strings("party") == ["-"])
        #expect(parsed.strings("note") == ["-x"])
    }

    @Test func unicodeValuesArriveUnchanged() throws {
        let parsed = try command(cli, ["registry", "party", "add", "--committee", "NB", "--name", "Luleå",
                                       "--org-number", "212000-2627", "--host"])
        #expect(parsed.path == ["registry", "party", "add"])
        #expect(try parsed.string("name") == "Luleå")
        #expect(parsed.stringIfPresent("org-number") == "212000-2627")
        #expect(parsed.flag("host"))
    }

    // MARK: - Flags

    @Test func flagIsFalseUnlessGivenAndRepeatingItIsHarmless() throws {
        #expect(try command(cli, ["health"]).flag("json") == false)
        #expect(try command(cli, ["health", "--json"]).flag("json"))
        #expect(try command(cli, ["--json", "health", "--json"]).flag("json"))
    }

    @Test func flagWithValueIsRejected() throws {
        let error = try #require(failure(cli, ["health", "--json=yes"]))
        #expect(error.code == .unexpectedValue)
        #expect(error.message == "--json: a flag takes no value, got \"yes\"")
    }

    // MARK: - Repetition

    @Test func nonRepeatableOptionGivenTwiceIsRejected() throws {
        let error = try #require(failure(service, Fixtures.serviceBasics + ["--port", "1", "--port=2"]))
        #expect(error.code == .duplicateOption)
        #expect(error.message == "--port: given more than once; it takes one value")
    }

    @Test func repeatableOptionKeepsCommandLineOrder() throws {
        let parsed = try command(service, Fixtures.serviceBasics + ["--allow", "10.0.0.1", "--allow=10.0.0.2"])
        #expect(parsed.strings("allow") == ["10.0.0.1", "10.0.0.2"])
        #expect(try command(service, Fixtures.serviceBasics).strings("allow") == [])
    }

    @Test func oneOrMoreOptionNeedsAtLeastOne() throws {
        let parsed = try command(cli, ["finance", "split", "--amount", "914400", "--party", "Åre", "--party", "Krokom"])
        #expect(parsed.strings("party") == ["Åre", "Krokom"])

        let error = try #require(failure(cli, ["finance", "split", "--amount", "914400"]))
        #expect(error.code == .missingOption)
        #expect(error.message == "--party: missing; expected --party <name>")
    }

    // MARK: - Required options, environment and defaults

    @Test func missingRequiredOptionIsNamed() throws {
        let error = try #require(failure(service, ["--keys", "/k"]))
        #expect(error.code == .missingOption)
        #expect(error.message == "--data-dir: missing; expected --data-dir <dir>")
    }

    @Test func missingRequiredOptionMentionsItsEnvironmentVariable() throws {
        let error = try #require(failure(service, ["--data-dir", "/d"]))
        #expect(error.message == "--keys: missing; expected --keys <file> or KANSLI_KEYS in the environment")
    }

    @Test func environmentSatisfiesARequiredOption() throws {
        let parsed = try command(service, ["--data-dir", "/d"], environment: ["KANSLI_KEYS": "/env/keys"])
        #expect(try parsed.string("keys") == "/env/keys")
    }

    @Test func commandLineBeatsEnvironmentBeatsDefault() throws {
        let environment = ["KANSLI_REGISTRY": "registry.example:7401"]
        #expect(try command(cli, ["health"]).string("registry") == "127.0.0.1:7401")
        #expect(try command(cli, ["health"], environment: environment).string("registry") == "registry.example:7401")
        #expect(try command(cli, ["health", "--registry", "10.1.1.1:9"], environment: environment)
            .string("registry") == "10.1.1.1:9")
    }

    @Test func emptyEnvironmentVariableCountsAsUnset() throws {
        let parsed = try command(cli, ["health"], environment: ["KANSLI_REGISTRY": "", "KANSLI_KEY_ID": ""])
        #expect(try parsed.string("registry") == "127.0.0.1:7401")
        #expect(parsed.stringIfPresent("key-id") == nil)
        #expect(failure(service, ["--data-dir", "/d"], environment: ["KANSLI_KEYS": ""])?.code == .missingOption)
    }

    @Test func unrelatedEnvironmentIsIgnored() throws {
        let parsed = try command(cli, ["health"], environment: ["KEY_ID": "x", "kansli_key_id": "y"])
        #expect(parsed.stringIfPresent("key-id") == nil)
    }

    // MARK: - Unknown options

    @Test func unknownOptionSuggestsTheClosestName() throws {
        let typo = try #require(failure(cli, ["health", "--jsn"]))
        #expect(typo.code == .unknownOption)
        #expect(typo.message == "--jsn: unknown option; did you mean --json?")

        #expect(failure(service, Fixtures.serviceBasics + ["--prot", "1"])?.message
                    == "--prot: unknown option; did you mean --port?")
        #expect(failure(cli, ["health", "--regsitry=x"])?.message == "--regsitry: unknown option; did you mean --registry?")
        #expect(failure(cli, ["health", "--hepl"])?.message == "--hepl: unknown option; did you mean --help?")
    }

    @Test func unknownOptionFarFromEveryNameHasNoSuggestion() throws {
        #expect(failure(cli, ["health", "--frobnicate"])?.message == "--frobnicate: unknown option")
    }

    @Test func singleDashOptionsAreUnknownButSuggestTheDoubleDashForm() throws {
        #expect(failure(cli, ["health", "-json"])?.message == "-json: unknown option; did you mean --json?")
        let short = try #require(failure(service, Fixtures.serviceBasics + ["-p", "1"]))
        #expect(short.code == .unknownOption)
        #expect(short.message == "-p: unknown option")
    }

    @Test func optionOfAnotherSubcommandIsUnknownHere() throws {
        let error = try #require(failure(cli, ["registry", "--committee", "NB", "party", "list"]))
        #expect(error.code == .unknownOption)
        #expect(error.command == "kansli registry")
    }

    // MARK: - Subcommands

    @Test func pathNamesTheChosenSubcommands() throws {
        #expect(try command(cli, ["health"]).path == ["health"])
        #expect(try command(cli, ["registry", "committee", "list", "--json"]).path == ["registry", "committee", "list"])
        #expect(try command(cli, ["registry", "committee", "list"]).command.abstract == "Lists the committees.")
    }

    @Test func ancestorOptionsWorkBeforeAndAfterSubcommandNames() throws {
        let lines = [
            ["--json", "--timeout", "3", "registry", "committee", "list"],
            ["registry", "--json", "committee", "--timeout=3", "list"],
            ["registry", "committee", "list", "--timeout", "3", "--json"],
        ]
        for line in lines {
            let parsed = try command(cli, line)
            #expect(parsed.path == ["registry", "committee", "list"])
            #expect(parsed.flag("json"))
            #expect(try parsed.int("timeout") == 3)
        }
    }

    @Test func unknownSubcommandListsTheValidOnesAndSuggests() throws {
        let typo = try #require(failure(cli, ["registry", "comittee", "list"]))
        #expect(typo.code == .unknownSubcommand)
        #expect(typo.message == "\"comittee\": unknown subcommand of kansli registry; did you mean committee? "
                    + "Expected one of: committee, party, import, export")
        #expect(failure(cli, ["bogus"])?.message
                    == "\"bogus\": unknown subcommand of kansli. Expected one of: health, registry, finance, documents")
    }

    @Test func groupWithoutSubcommandIsAnError() throws {
        let root = try #require(failure(cli, []))
        #expect(root.code == .missingSubcommand)
        #expect(root.message == "kansli: expected a subcommand: health, registry, finance, documents")
        let nested = try #require(failure(cli, ["--json", "registry", "party"]))
        #expect(nested.message == "kansli registry party: expected a subcommand: add, list")
        #expect(nested.usage == "Usage: kansli registry party [options] <subcommand>")
    }

    // MARK: - Positional arguments

    @Test func positionalArgumentsAreCollectedBetweenOptions() throws {
        let parsed = try command(cli, ["registry", "committee", "show", "--on", "2022-06-22", "NB", "--json"])
        #expect(parsed.positionals == ["NB"])
        #expect(try parsed.positional(0) == "NB")
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try command(cli, ["registry", "import", "--json", "--", "--help"])
        #expect(parsed.positionals == ["--help"])
        #expect(parsed.flag("json"))
        let dash = try command(cli, ["registry", "import", "--", "-h"])
        #expect(try dash.positional(0) == "-h")
    }

    @Test func loneDashIsAPositionalArgument() throws {
        #expect(try command(cli, ["registry", "import", "-"]).positionals == ["-"])
    }

    @Test func negativeNumbersArePositionalArguments() throws {
        let parsed = try command(cli, ["finance", "adjust", "Kiruna", "-4100"])
        #expect(parsed.positionals == ["Kiruna", "-4100"])
    }

    @Test func tooManyPositionalArgumentsAreRejected() throws {
        let error = try #require(failure(cli, ["registry", "import", "a.export", "b.export"]))
        #expect(error.code == .unexpectedArgument)
        #expect(error.message == "\"b.export\": unexpected argument; kansli registry import takes at most 1")
        #expect(failure(cli, ["health", "now"])?.message == "\"now\": unexpected argument; kansli health takes no arguments")
    }

    @Test func missingRequiredPositionalIsNamed() throws {
        let error = try #require(failure(cli, ["registry", "import", "--json"]))
        #expect(error.code == .missingArgument)
        #expect(error.message == "<file>: missing argument")
        #expect(failure(cli, ["documents", "verify"])?.message == "<protocol>: missing argument")
    }

    @Test func defaultedPositionalIsFilledIn() throws {
        #expect(try command(cli, ["registry", "export"]).positionals == ["."])
        #expect(try command(cli, ["registry", "export", "/backup"]).positionals == ["/backup"])
    }

    @Test func repeatablePositionalTakesTheRest() throws {
        #expect(try command(cli, ["documents", "verify", "a", "b", "c"]).positionals == ["a", "b", "c"])
        let split = try command(cli, ["finance", "split", "2022", "l1", "--party", "Boden", "l2", "--amount", "1"])
        #expect(split.positionals == ["2022", "l1", "l2"])
        #expect(try command(cli, ["finance", "split", "--party", "Boden", "--amount", "1"]).positionals == [])
    }

    // MARK: - Help

    @Test func helpAtEveryLevelDescribesThatLevel() throws {
        #expect(try help(cli, ["--help"]) == cli.helpText())
        #expect(try help(cli, ["-h"]) == cli.helpText())
        #expect(try help(cli, ["registry", "-h"]) == cli.helpText(for: ["registry"]))
        #expect(try help(cli, ["registry", "party", "add", "--committee", "NB", "--help"])
                    == cli.helpText(for: ["registry", "party", "add"]))
        #expect(try help(service, ["--port", "1", "-h"]) == service.helpText())
    }

    @Test func helpNeedsNoRequiredOptions() throws {
        #expect(try help(service, ["--help"]) != nil)
        #expect(try help(cli, ["finance", "split", "--help"]) != nil)
    }

    @Test func helpWinsOverMistakesAfterIt() throws {
        #expect(try help(cli, ["registry", "--help", "bogus", "--nope"]) == cli.helpText(for: ["registry"]))
    }

    @Test func helpWinsOverMistakesBeforeIt() throws {
        #expect(try help(cli, ["registry", "party", "add", "--nope", "--help"]) == cli.helpText(for: ["registry", "party", "add"]))
        #expect(try help(cli, ["registry", "bogus", "-h"]) == cli.helpText(for: ["registry"]))
        #expect(try help(cli, ["health", "--json=1", "--help"]) == cli.helpText(for: ["health"]))
    }

    @Test func helpIsNeverAnOptionValue() throws {
        #expect(try help(cli, ["registry", "party", "add", "--name", "-h"]) == cli.helpText(for: ["registry", "party", "add"]))
        #expect(try help(cli, ["registry", "party", "add", "--name", "--help"]) == cli.helpText(for: ["registry", "party", "add"]))
        let attached = try command(cli, ["registry", "party", "add", "--committee", "NB", "--name=--help"])
        #expect(try attached.string("name") == "--help")
    }

    @Test func helpAfterDoubleDashDoesNotRescueAnError() throws {
        let error = try #require(failure(cli, ["registry", "import", "--nope", "--", "--help"]))
        #expect(error.code == .unknownOption)
    }
}
