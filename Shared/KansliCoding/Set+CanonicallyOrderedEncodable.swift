/// Sets are written as arrays (0x08) whose elements are sorted by their encoded bytes, so that the
/// bytes do not depend on the process's hash seed. Decoding needs nothing special: `Set.init(from:)`
/// accepts any order.
extension Set: CanonicallyOrderedEncodable where Element: Encodable {
    func encodeCanonically(into state: EncodingState, depth: Int) throws {
        var spans: [EncodedSpan] = []
        spans.reserveCapacity(count)
        _ = state.startContainer(.unkeyed, depth: depth, frameID: nil)
        for element in self {
            let start = state.byteCount
            let index = state.frames[depth].count
            state.frames[depth].count += 1
            try state.encodeValue(element, element: .index(index), parentDepth: depth)
            spans.append(EncodedSpan(start: start, keyStart: start, keyEnd: state.byteCount, end: state.byteCount))
        }
        try state.sortEntries(&spans, depth: depth)
    }
}
