/// A coding key the coder makes itself: `super`, dictionary keys, and array indices in coding paths.
struct BinaryCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The key of an element of an unkeyed container, spelled as Foundation's coders spell it.
    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    /// The key under which `superEncoder()` and `superDecoder()` nest the superclass's value.
    static let superKey = "super"
}
