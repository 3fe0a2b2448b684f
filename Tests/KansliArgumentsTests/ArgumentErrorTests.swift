import KansliArguments
import Testing

@Suite("ArgumentError")
struct ArgumentErrorTests {
    @Test func reportGivesMessageUsageAndWhereToFindHelp() throws {
        let error = try #require(failure(Fixtures.cli, ["registry", "party", "add", "--name", "Kiruna"]))
        #expect(error.report == """
            error: --committee: missing; expected --committee <code>
            Usage: kansli registry party add --committee <code> --name <name> [options]
            Run 'kansli registry party add --help' for more information.

            """)
        #expect(error.description == error.message)
        #expect("\(error)" == "--committee: missing; expected --committee <code>")
    }

    @Test func errorBelongsToTheCommandReachedWhenItHappened() throws {
        let early = try #require(failure(Fixtures.cli, ["--nope", "registry", "import", "f"]))
        #expect(early.command == "kansli")
        #expect(early.usage == "Usage: kansli [options] <subcommand>")
        let late = try #require(failure(Fixtures.cli, ["registry", "import", "f", "--nope"]))
        #expect(late.command == "kansli registry import")
    }

    @Test func codesHaveStableNamesAndCompareByValue() {
        let codes: [ArgumentError.Code] = [.unknownOption, .missingValue, .unexpectedValue, .duplicateOption,
                                           .missingOption, .invalidValue, .unknownSubcommand, .missingSubcommand,
                                           .unexpectedArgument, .missingArgument]
        #expect(codes.map(\.description) == ["unknown_option", "missing_value", "unexpected_value", "duplicate_option",
                                             "missing_option", "invalid_value", "unknown_subcommand",
                                             "missing_subcommand", "unexpected_argument", "missing_argument"])
        #expect(Set(codes).count == codes.count)
        #expect(ArgumentError.Code.invalidValue == .invalidValue)
    }

    @Test func errorsWithTheSameFieldsAreEqual() {
        let a = ArgumentError(code: .invalidValue, message: "m", command: "kansli", usage: "Usage: kansli")
        #expect(a == ArgumentError(code: .invalidValue, message: "m", command: "kansli", usage: "Usage: kansli"))
        #expect(a != ArgumentError(code: .missingValue, message: "m", command: "kansli", usage: "Usage: kansli"))
    }
}
