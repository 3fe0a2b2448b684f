/// Sets are refused (`.unsupportedType`): a set has no order of its own, so writing one
/// deterministically means sorting its encoded elements, and no message needs that. A message
/// carries an array (sorted by the sender where order must not matter) instead.
///
/// Without this conformance a `Set` would encode through its own `encode(to:)` in hash order, and
/// the bytes of equal values would differ between processes.
extension Set: CanonicallyOrderedEncodable where Element: Encodable {
    func encodeCanonically(into state: EncodingState, depth: Int) throws {
        throw state.unsupportedTypeError(Self.self, depth: depth)
    }
}
