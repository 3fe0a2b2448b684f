/// Reads dictionaries in the form `Dictionary+CanonicallyOrderedEncodable` writes: a map with
/// `String` keys, or with `Int` keys in canonical decimal form (as `String(_:)` writes them).
/// Entries may come in any order; a key that occurs twice is an error. A dictionary keyed by any
/// other type is refused (`.unsupportedType`), as when encoding.
extension Dictionary: DecodableDictionary where Key: Decodable, Value: Decodable {
    static func decodeCanonically(from state: DecodingState, at offset: Int) throws -> Self {
        guard Key.self == String.self || Key.self == Int.self else {
            throw BinaryCodingError(
                code: .unsupportedType,
                message: "\(Self.self) cannot be decoded: messages carry dictionaries keyed by String or Int only",
                codingPath: state.pathElements(nil).map(\.component), byteOffset: offset)
        }
        return try decodeMap(from: state, at: offset)
    }

    /// Reads a map with `String` or `Int` keys.
    private static func decodeMap(from state: DecodingState, at offset: Int) throws -> Self {
        let header = try state.openContainer(at: offset, tag: WireTag.map, context: nil)
        var result = Self(minimumCapacity: header.count)
        var position = header.bodyStart
        for _ in 0..<header.count {
            let keyOffset = position
            let key: Key
            let element: CodingPathElement
            let valueStart: Int
            let next: Int
            do throws(WireFault) {
                let text = try state.readKey(at: &position, end: header.bodyEnd)
                if Key.self == String.self {
                    key = unsafeBitCast(text, to: Key.self)
                    element = .string(text)
                } else {
                    guard let integer = Int(text), String(integer) == text else {
                        throw WireFault(code: .invalidValue,
                                        message: "a dictionary key is not an integer in canonical decimal form",
                                        offset: keyOffset,
                                        value: String(text.prefix(BinaryCodingError.offendingValueLimit)))
                    }
                    key = unsafeBitCast(integer, to: Key.self)
                    element = .int(integer)
                }
                valueStart = position
                next = try state.skipValue(at: valueStart, end: header.bodyEnd)
            } catch {
                throw state.fail(error, context: nil)
            }
            let value = try state.decodeValue(Value.self, at: valueStart, element: element, context: nil)
            if result.updateValue(value, forKey: key) != nil {
                throw state.fail(WireFault(code: .duplicateKey, message: "the dictionary holds a key more than once",
                                           offset: keyOffset), context: nil, element: element)
            }
            position = next
        }
        try checkEnd(position, of: header, in: state)
        return result
    }

    /// Checks that the entries end where the container's byte count says.
    private static func checkEnd(_ position: Int, of header: ContainerHeader, in state: DecodingState) throws {
        guard position == header.bodyEnd else {
            throw state.fail(WireFault(code: .lengthOutOfBounds,
                                       message: "the dictionary's byte count says it ends at byte \(header.bodyEnd) but its entries end at byte \(position)",
                                       offset: position), context: nil)
        }
    }
}
