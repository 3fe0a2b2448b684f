/// Reads dictionaries in the form `Dictionary+CanonicallyOrderedEncodable` writes: a map for
/// `String` and `Int` keys (an `Int` key must be in canonical decimal form, as `String(_:)` writes
/// it), an array of alternating keys and values otherwise. Entries may come in any order; a key
/// that occurs twice is an error.
extension Dictionary: DecodableDictionary where Key: Decodable, Value: Decodable {
    static func decodeCanonically(from state: DecodingState, at offset: Int) throws -> Self {
        if Key.self == String.self || Key.self == Int.self {
            return try decodeMap(from: state, at: offset)
        }
        return try decodePairs(from: state, at: offset)
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
                                        message: "dictionary key \"\(text.prefix(64))\" is not an integer in canonical decimal form",
                                        offset: keyOffset)
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

    /// Reads an array of alternating keys and values.
    private static func decodePairs(from state: DecodingState, at offset: Int) throws -> Self {
        let header = try state.openContainer(at: offset, tag: WireTag.array, context: nil)
        guard header.count % 2 == 0 else {
            throw state.fail(WireFault(code: .invalidValue,
                                       message: "a dictionary's array of keys and values has an odd count (\(header.count))",
                                       offset: offset), context: nil)
        }
        var result = Self(minimumCapacity: header.count / 2)
        var position = header.bodyStart
        for pair in 0..<(header.count / 2) {
            let keyOffset = position
            let key: Key = try decodeElement(from: state, at: &position, index: 2 * pair, end: header.bodyEnd)
            let value: Value = try decodeElement(from: state, at: &position, index: 2 * pair + 1, end: header.bodyEnd)
            if result.updateValue(value, forKey: key) != nil {
                throw state.fail(WireFault(code: .duplicateKey, message: "the dictionary holds a key more than once",
                                           offset: keyOffset), context: nil, element: .index(2 * pair))
            }
        }
        try checkEnd(position, of: header, in: state)
        return result
    }

    /// Reads the element at `position` (advanced past it) of an array ending at `end`.
    private static func decodeElement<T: Decodable>(from state: DecodingState, at position: inout Int, index: Int,
                                                    end: Int) throws -> T {
        let next: Int
        do throws(WireFault) {
            next = try state.skipValue(at: position, end: end)
        } catch {
            throw state.fail(error, context: nil, element: .index(index))
        }
        let value = try state.decodeValue(T.self, at: position, element: .index(index), context: nil)
        position = next
        return value
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
