@testable import KansliArguments
import Testing

@Suite("Edit distance and suggestions")
struct EditDistanceTests {
    @Test func distancesMatchTheTextbookExamples() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "json") == 4)
        #expect(EditDistance.between("json", "") == 4)
        #expect(EditDistance.between("", "") == 0)
        #expect(EditDistance.between("port", "port") == 0)
        #expect(EditDistance.between("luleå", "lulea") == 1)
    }

    @Test func swappingNeighboursCostsOne() {
        #expect(EditDistance.between("prot", "port") == 1)
        #expect(EditDistance.between("regsitry", "registry") == 1)
        #expect(EditDistance.between("ab", "ba") == 1)
        // Optimal string alignment: no edits inside a swapped pair.
        #expect(EditDistance.between("ca", "abc") == 3)
    }

    @Test func suggestionNeedsToBeCloseForTheWordsLength() {
        let names = ["port", "host", "data-dir", "keys", "log-level", "help"]
        #expect(EditDistance.suggestion(for: "prot", among: names) == "port")
        #expect(EditDistance.suggestion(for: "datadir", among: names) == "data-dir")
        #expect(EditDistance.suggestion(for: "log-lvel", among: names) == "log-level")
        #expect(EditDistance.suggestion(for: "x", among: names) == nil)
        #expect(EditDistance.suggestion(for: "verbose", among: names) == nil)
        #expect(EditDistance.suggestion(for: "kys", among: names) == "keys")
    }

    @Test func closestWinsAndTiesGoToTheEarlierCandidate() {
        #expect(EditDistance.suggestion(for: "list", among: ["lost", "list"]) == "list")
        #expect(EditDistance.suggestion(for: "lxst", among: ["last", "list"]) == "last")
        #expect(EditDistance.suggestion(for: "lxst", among: ["list", "last"]) == "list")
    }

    @Test func overlongWordsGetNoSuggestion() {
        let long = String(repeating: "a", count: EditDistance.maxWordLength + 1)
        #expect(EditDistance.suggestion(for: long, among: [long]) == nil)
        let atLimit = String(repeating: "a", count: EditDistance.maxWordLength)
        #expect(EditDistance.suggestion(for: atLimit, among: [atLimit]) == atLimit)
    }
}
