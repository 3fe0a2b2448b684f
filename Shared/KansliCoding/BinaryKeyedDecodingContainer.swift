/// Reads a map as a keyed container. The map's entries were indexed once when the container was
/// made (`DecodingState.indexEntries`); each look-up tries the entry after the last one found, then
/// scans, comparing key bytes without building strings. Unknown keys are simply never looked up.
///
/// The standard library's container box copies this struct on every call, so it keeps one counted
/// reference (the state); the context is an index into the state's paths.
struct BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The state read from.
    let state: DecodingState
    /// The index of this container's header entry in `state.entries`; its entries follow it.
    let header: Int
    /// The number of entries.
    let entryCount: Int
    /// The container's coding path, if it is not the state's.
    let context: PathContext?

    init(state: DecodingState, header: Int, entryCount: Int, context: PathContext?) {
        self.state = state
        self.header = header
        self.entryCount = entryCount
        self.context = context
    }

    var codingPath: [any CodingKey] { state.pathElements(context).map(\.codingKey) }

    /// The keys of the map that `Key` knows, in map order.
    var allKeys: [Key] {
        state.keys(header: header, count: entryCount).compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        state.valueOffset(for: key, header: header, count: entryCount) != nil
    }

    /// Where the value for `key` starts; throws `.keyNotFound` if the map has no such key.
    @inline(__always)
    private func offset(of key: Key) throws -> Int {
        if let offset = state.valueOffset(for: key, header: header, count: entryCount) { return offset }
        throw keyNotFound(key)
    }

    /// Where the value for `key` starts, or nil if the key is missing or its value is nil.
    @inline(__always)
    private func presentOffset(of key: Key) -> Int? {
        guard let offset = state.valueOffset(for: key, header: header, count: entryCount),
              (try? state.byte(at: offset)) != WireTag.null
        else { return nil }
        return offset
    }

    /// The error for a missing key.
    private func keyNotFound(_ key: Key) -> BinaryCodingError {
        BinaryCodingError(code: .keyNotFound, message: "no value for the key \"\(key.stringValue)\"",
                          codingPath: state.pathElements(context).map(\.component))
    }

    /// The error for `fault` in the value for `key`.
    private func failure(_ fault: WireFault, _ key: Key) -> BinaryCodingError {
        state.fail(fault, context: context, element: .key(key))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.byte(at: offset) == WireTag.null } catch { throw failure(error, key) }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readBool(at: offset) } catch { throw failure(error, key) }
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readString(at: offset) } catch { throw failure(error, key) }
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readDouble(at: offset) } catch { throw failure(error, key) }
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readFloat(at: offset) } catch { throw failure(error, key) }
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int8.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int16.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int32.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int64.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt8.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt16.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt32.self) } catch { throw failure(error, key) }
    }

    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        let offset = try offset(of: key)
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt64.self) } catch { throw failure(error, key) }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let offset = try offset(of: key)
        return try state.decodeValue(T.self, at: offset, element: .key(key), context: context)
    }

    // A missing key and an explicit nil both decode as nil.

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readBool(at: offset) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readString(at: offset) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readDouble(at: offset) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readFloat(at: offset) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int8.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int16.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int32.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: Int64.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt8.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt16.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt32.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        guard let offset = presentOffset(of: key) else { return nil }
        do throws(WireFault) { return try state.readInteger(at: offset, as: UInt64.self) } catch { throw failure(error, key) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let offset = presentOffset(of: key) else { return nil }
        return try state.decodeValue(T.self, at: offset, element: .key(key), context: context)
    }

    /// The path of a container nested under `element`.
    private func nestedContext(_ element: CodingPathElement) -> PathContext {
        state.makeContext(state.pathElements(context) + [element])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let offset = try offset(of: key)
        return try state.keyedContainer(NestedKey.self, at: offset, context: nestedContext(.key(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let offset = try offset(of: key)
        return try state.unkeyedContainer(at: offset, context: nestedContext(.key(key)))
    }

    /// A decoder for the superclass's value, nested under the key `super`.
    func superDecoder() throws -> any Decoder {
        let name = BinaryCodingKey.superKey
        guard let offset = state.valueOffset(for: BinaryCodingKey(stringValue: name), header: header, count: entryCount) else {
            throw BinaryCodingError(code: .keyNotFound, message: "no value for the key \"\(name)\"",
                                    codingPath: state.pathElements(context).map(\.component))
        }
        return NestedDecoder(state: state, offset: offset, context: nestedContext(.string(name)))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let offset = try offset(of: key)
        return NestedDecoder(state: state, offset: offset, context: nestedContext(.key(key)))
    }
}
