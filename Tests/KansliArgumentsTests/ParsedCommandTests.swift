import KansliArguments
import KansliPlatform
import Testing

@Suite("ParsedCommand: typed accessors")
struct ParsedCommandTests {
    let service = Fixtures.registryService
    let cli = Fixtures.cli

    private func serviceWith(_ extra: [String], environment: [String: String] = [:]) throws -> ParsedCommand {
        try command(service, Fixtures.serviceBasics + extra, environment: environment)
    }

    private func partyAdd(_ extra: [String]) throws -> ParsedCommand {
        try command(cli, ["registry", "party", "add", "--committee", "NB", "--name", "Luleå"] + extra)
    }

    private func thrown(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> ArgumentError? {
        do {
            try body()
            Issue.record("expected an ArgumentError", sourceLocation: sourceLocation)
        } catch let error as ArgumentError {
            return error
        } catch {
            Issue.record("expected an ArgumentError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    // MARK: - Integers

    @Test func integerWithinRangeIsReturned() throws {
        #expect(try serviceWith(["--port", "65535"]).int("port", in: 0...65535) == 65535)
        #expect(try serviceWith(["--port", "0"]).int("port", in: 0...65535) == 0)
        #expect(try serviceWith([]).int("port", in: 0...65535) == 7401)
    }

    @Test func integerOutOfRangeNamesTheOptionAndTheRange() throws {
        let parsed = try serviceWith(["--port", "70000"])
        let error = try #require(thrown { _ = try parsed.int("port", in: 0...65535) })
        #expect(error.code == .invalidValue)
        #expect(error.message == "--port: expected an integer between 0 and 65535, got \"70000\"")
        #expect(error.command == "kansli-registry")
        #expect(error.usage == "Usage: kansli-registry --data-dir <dir> [options]")
    }

    @Test func nonIntegerIsRejected() throws {
        for text in ["abc", "12ab", "1.5", "", " 7", "99999999999999999999999"] {
            let parsed = try serviceWith(["--port=\(text)"])
            #expect(thrown { _ = try parsed.int("port") }?.message == "--port: expected an integer, got \"\(text)\"")
        }
    }

    @Test func halfOpenRangesAreDescribedInWords() throws {
        let parsed = try serviceWith(["--port", "-3"])
        #expect(thrown { _ = try parsed.int("port", in: 1 ... .max) }?.message
                    == "--port: expected an integer of at least 1, got \"-3\"")
        #expect(thrown { _ = try parsed.int("port", in: .min ... -5) }?.message
                    == "--port: expected an integer of at most -5, got \"-3\"")
        #expect(try parsed.int("port") == -3)
    }

    @Test func valueFromEnvironmentSaysSo() throws {
        let parsed = try serviceWith([], environment: ["KANSLI_REGISTRY_PORT": "http"])
        #expect(thrown { _ = try parsed.int("port", in: 0...65535) }?.message
                    == "--port: expected an integer between 0 and 65535, got \"http\" (from KANSLI_REGISTRY_PORT)")
    }

    @Test func badDefaultSaysSo() throws {
        let spec = CommandSpec("tool", abstract: "A tool.",
                               options: [OptionSpec("level", value: "n", .defaulted("high"), help: "Level.")])
        let parsed = try command(spec, [])
        #expect(thrown { _ = try parsed.int("level") }?.message == "--level: expected an integer, got \"high\" (the default)")
    }

    @Test func optionalIntegerIsNilWhenLeftOut() throws {
        let parsed = try command(cli, ["finance", "split", "--party", "Boden", "--amount", "1127000"])
        #expect(try parsed.intIfPresent("amount", in: 0...10_000_000) == 1_127_000)
        let health = try command(cli, ["health"])
        #expect(try health.intIfPresent("timeout") == 10)
    }

    // MARK: - Decimal numbers

    @Test func decimalNumbersAreAccepted() throws {
        let parsed = try command(cli, ["health", "--timeout", "2.5"])
        #expect(try parsed.double("timeout", in: 0...3600) == 2.5)
        #expect(try command(cli, ["health"]).double("timeout") == 10)
        #expect(try command(cli, ["health", "--timeout=-0.5"]).doubleIfPresent("timeout") == -0.5)
    }

    @Test func exponentsInfinityAndNaNAreRejected() throws {
        for text in ["1e3", "inf", "nan", "0x10", "2,5", ""] {
            let parsed = try command(cli, ["health", "--timeout=\(text)"])
            #expect(thrown { _ = try parsed.double("timeout", in: 0...3600) }?.message
                        == "--timeout: expected a number between 0 and 3600, got \"\(text)\"")
        }
        let quarter = try command(cli, ["health", "--timeout", "0.25"])
        #expect(thrown { _ = try quarter.double("timeout", in: 0.5 ... .greatestFiniteMagnitude) }?.message
                    == "--timeout: expected a number of at least 0.5, got \"0.25\"")
        #expect(thrown { _ = try quarter.double("timeout", in: -.greatestFiniteMagnitude ... 0) }?.message
                    == "--timeout: expected a number of at most 0, got \"0.25\"")
    }

    // MARK: - Dates

    @Test func isoDateGivesYearMonthDay() throws {
        let parsed = try partyAdd(["--joined", "2022-06-22"])
        let date = try parsed.date("joined")
        #expect(date == CivilDate(year: 2022, month: 6, day: 22))
        #expect(try partyAdd([]).dateIfPresent("joined") == nil)
    }

    @Test func leapDaysFollowTheGregorianRules() throws {
        #expect(try partyAdd(["--joined", "2024-02-29"]).date("joined").day == 29)
        #expect(try partyAdd(["--joined", "2000-02-29"]).date("joined").year == 2000)
        let notLeap = try partyAdd(["--joined", "1900-02-29"])
        #expect(thrown { _ = try notLeap.date("joined") }?.message
                    == "--joined: expected a date as yyyy-MM-dd, got \"1900-02-29\" (February 1900 has 28 days)")
        let notLeapEither = try partyAdd(["--joined", "2023-02-29"])
        #expect(thrown { _ = try notLeapEither.date("joined") }?.message
                    == "--joined: expected a date as yyyy-MM-dd, got \"2023-02-29\" (February 2023 has 28 days)")
    }

    @Test func dayBeyondTheMonthIsRejected() throws {
        let parsed = try partyAdd(["--joined", "2022-06-31"])
        let error = try #require(thrown { _ = try parsed.date("joined") })
        #expect(error.code == .invalidValue)
        #expect(error.message == "--joined: expected a date as yyyy-MM-dd, got \"2022-06-31\" (June 2022 has 30 days)")
        #expect(try partyAdd(["--joined", "2022-12-31"]).date("joined").day == 31)
    }

    @Test func malformedDatesAreRejected() throws {
        let texts = ["2022-6-22", "22-06-22", "2022/06/22", "2022-13-01", "2022-00-10", "2022-06-00",
                     "0000-01-01", "２０２２-06-22", "2022-06-22T10:00", "+022-06-22", "2022-06", ""]
        for text in texts {
            let parsed = try partyAdd(["--joined=\(text)"])
            #expect(thrown { _ = try parsed.date("joined") }?.message
                        == "--joined: expected a date as yyyy-MM-dd, got \"\(text)\"")
        }
    }

    // MARK: - Strings and absence

    @Test func leftOutOptionalOptionThrowsOnlyWhenDemanded() throws {
        let parsed = try partyAdd([])
        #expect(parsed.stringIfPresent("org-number") == nil)
        #expect(parsed.strings("org-number") == [])
        let error = try #require(thrown { _ = try parsed.string("org-number") })
        #expect(error.code == .missingOption)
        #expect(error.message == "--org-number: missing; expected --org-number <number>")
        #expect(thrown { _ = try parsed.int("org-number") }?.code == .missingOption)
        #expect(thrown { _ = try parsed.double("org-number") }?.code == .missingOption)
        #expect(thrown { _ = try parsed.date("joined") }?.code == .missingOption)
    }

    @Test func inheritedOptionsAreReadLikeOwnOnes() throws {
        let parsed = try partyAdd(["--key-id", "kansli-admin"])
        #expect(try parsed.string("key-id") == "kansli-admin")
        #expect(parsed.stringIfPresent("secret-file") == nil)
        #expect(try parsed.string("committee") == "NB")
    }

    // MARK: - Positional arguments

    @Test func positionalAccessorsFollowTheDeclaration() throws {
        let parsed = try command(cli, ["finance", "split", "--party", "Boden", "--amount", "1"])
        #expect(parsed.positionalIfPresent(0) == nil)
        let error = try #require(thrown { _ = try parsed.positional(0) })
        #expect(error.code == .missingArgument)
        #expect(error.message == "<year>: missing argument")
        #expect(thrown { _ = try parsed.positional(7) }?.message == "<lines>: missing argument")

        let full = try command(cli, ["finance", "split", "2022", "a", "b", "--party", "Boden", "--amount", "1"])
        #expect(try full.positional(0) == "2022")
        #expect(try full.positional(2) == "b")
        #expect(full.positionalIfPresent(3) == nil)
    }

    @Test func commandIsTheChosenSpec() throws {
        let parsed = try command(cli, ["registry", "import", "nb.export"])
        #expect(parsed.command == cli.subcommand(named: "registry")?.subcommand(named: "import"))
        #expect(cli.subcommand(named: "nope") == nil)
    }

    // MARK: - Programming errors stop the process

    @Test func undeclaredNameStopsTheProcess() async {
        let option = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).stringIfPresent("committee")
        }
        #expect(stopped(option, saying: "asked kansli health for an argument but --committee is not an option"))
        let flag = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).flag("jsn")
        }
        #expect(stopped(flag, saying: "--jsn is not a flag"))
        let strings = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).strings("nope")
        }
        #expect(stopped(strings, saying: "--nope is not an option"))
    }

    @Test func wrongAccessorForTheKindStopsTheProcess() async {
        let flagOfOption = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).flag("timeout")
        }
        #expect(stopped(flagOfOption, saying: "--timeout is not a flag"))
        let stringOfFlag = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).string("json")
        }
        #expect(stopped(stringOfFlag, saying: "--json is not an option"))
        let stringOfRepeatable = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["finance", "split", "--party", "Boden", "--amount", "1"]).string("party")
        }
        #expect(stopped(stringOfRepeatable, saying: "--party repeats; read it with strings(_:)"))
    }

    @Test func undeclaredPositionStopsTheProcess() async {
        let beyond = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["registry", "import", "f"]).positionalIfPresent(1)
        }
        #expect(stopped(beyond, saying: "it declares no positional argument 1"))
        let none = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["health"]).positional(0)
        }
        #expect(stopped(none, saying: "it declares no positional argument 0"))
        let negative = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? command(Fixtures.cli, ["registry", "import", "f"]).positionalIfPresent(-1)
        }
        #expect(stopped(negative, saying: "it declares no positional argument -1"))
    }
}
