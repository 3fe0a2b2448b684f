/// A collection without an order of its own (`Dictionary`, `Set`) that the encoder writes in a
/// canonical order, so that equal values give equal bytes whatever their insertion history or the
/// process's hash seed.
///
/// `EncodingState.encodeContents` checks for this conformance instead of calling the type's own
/// `encode(to:)`; the decoder needs no counterpart for sets (their own `init(from:)` does not care
/// about order) and uses `DecodableDictionary` for dictionaries.
protocol CanonicallyOrderedEncodable {
    /// Writes the collection into the pending frame at `depth`, entries sorted by their encoded keys.
    func encodeCanonically(into state: EncodingState, depth: Int) throws
}
