/// A collection without an order of its own (`Dictionary`, `Set`) that the encoder does not let
/// encode itself, since its own `encode(to:)` writes in hash order: a dictionary is written sorted by
/// its keys, a set is refused.
///
/// `EncodingState.encodeContents` checks for this conformance instead of calling the type's own
/// `encode(to:)`; the decoder uses `DecodableDictionary` for dictionaries.
protocol CanonicallyOrderedEncodable {
    /// Writes the collection into the pending frame at `depth`, entries sorted by their keys, or
    /// throws `.unsupportedType`.
    func encodeCanonically(into state: EncodingState, depth: Int) throws
}
