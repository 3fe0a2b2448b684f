/// Dictionaries are written sorted by their keys.
///
/// `String` and `Int` keys make a map (0x09) whose keys are the string, or the decimal digits of the
/// integer (`-12`), sorted by their UTF-8 bytes. Messages need no other key type, so any other is
/// refused (`.unsupportedType`) rather than given a second, rarely tested form.
extension Dictionary: CanonicallyOrderedEncodable where Key: Encodable, Value: Encodable {
    func encodeCanonically(into state: EncodingState, depth: Int) throws {
        guard Key.self == String.self || Key.self == Int.self else {
            throw state.unsupportedTypeError(Self.self, depth: depth)
        }
        var spans: [EncodedSpan] = []
        spans.reserveCapacity(count)
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
        try state.sortEntries(&spans, depth: depth)
    }
}
