/// Dictionaries are written sorted by their encoded keys.
///
/// `String` and `Int` keys make a map (0x09) whose keys are the string, or the decimal digits of the
/// integer (`-12`), sorted by their UTF-8 bytes. Any other key type makes an array (0x08) of
/// alternating key and value, as Swift's own `Dictionary` encoding does, the pairs sorted by the
/// complete encoded bytes of the key (tag included).
extension Dictionary: CanonicallyOrderedEncodable where Key: Encodable, Value: Encodable {
    func encodeCanonically(into state: EncodingState, depth: Int) throws {
        var spans: [EncodedSpan] = []
        spans.reserveCapacity(count)
        if Key.self == String.self || Key.self == Int.self {
            _ = state.startContainer(.keyed, depth: depth, frameID: nil)
            for (key, value) in self {
                let start = state.byteCount
                let element: CodingPathElement
                let keyText: String
                if Key.self == String.self {
                    keyText = unsafeBitCast(key, to: String.self)
                    element = .string(keyText)
                } else {
                    let integer = unsafeBitCast(key, to: Int.self)
                    keyText = String(integer)
                    element = .int(integer)
                }
                state.writeStringBody(keyText)
                let keyEnd = state.byteCount
                let keyStart = keyEnd - keyText.utf8.count
                state.frames[depth].count += 1
                try state.encodeValue(value, element: element, parentDepth: depth)
                spans.append(EncodedSpan(start: start, keyStart: keyStart, keyEnd: keyEnd, end: state.byteCount))
            }
        } else {
            _ = state.startContainer(.unkeyed, depth: depth, frameID: nil)
            for (key, value) in self {
                let start = state.byteCount
                let index = state.frames[depth].count
                state.frames[depth].count += 2
                try state.encodeValue(key, element: .index(index), parentDepth: depth)
                let keyEnd = state.byteCount
                try state.encodeValue(value, element: .index(index + 1), parentDepth: depth)
                spans.append(EncodedSpan(start: start, keyStart: start, keyEnd: keyEnd, end: state.byteCount))
            }
        }
        try state.sortEntries(&spans, depth: depth)
    }
}
