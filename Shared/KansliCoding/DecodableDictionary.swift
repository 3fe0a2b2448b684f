/// A dictionary type the decoder reads in Kansli's dictionary form (see
/// `Dictionary+CanonicallyOrderedEncodable`) instead of through its own `init(from:)`.
protocol DecodableDictionary {
    /// Reads the dictionary at `offset`; the state's path is already the dictionary's.
    static func decodeCanonically(from state: DecodingState, at offset: Int) throws -> Self
}
