import KansliArguments
import Testing

@Suite("Occurrence")
struct OccurrenceTests {
    @Test func eachCaseSaysWhetherItRepeatsIsRequiredAndHasADefault() {
        let cases: [(Occurrence, multiple: Bool, required: Bool, defaultValue: String?)] = [
            (.optional, false, false, nil),
            (.required, false, true, nil),
            (.defaulted("7401"), false, false, "7401"),
            (.repeatable, true, false, nil),
            (.oneOrMore, true, true, nil),
        ]
        for (occurrence, multiple, required, defaultValue) in cases {
            #expect(occurrence.isMultiple == multiple, "\(occurrence)")
            #expect(occurrence.isRequired == required, "\(occurrence)")
            #expect(occurrence.defaultValue == defaultValue, "\(occurrence)")
        }
    }
}
