/// Reads the one value of a decoder.
struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer {
    /// The state read from.
    let state: DecodingState
    /// Where the value starts.
    let offset: Int
    /// The value's coding path, if it is not the state's.
    let context: PathContext?

    init(state: DecodingState, offset: Int, context: PathContext?) {
        self.state = state
        self.offset = offset
        self.context = context
    }

    var codingPath: [any CodingKey] { state.pathElements(context).map(\.codingKey) }

    /// Runs `body`, giving any fault this container's path.
    @inline(__always)
    private func read<R>(_ body: () throws(WireFault) -> R) throws -> R {
        do throws(WireFault) {
            return try body()
        } catch {
            throw state.fail(error, context: context)
        }
    }

    func decodeNil() -> Bool {
        (try? state.byte(at: offset)) == WireTag.null
    }

    func decode(_ type: Bool.Type) throws -> Bool { try read { () throws(WireFault) in try state.readBool(at: offset) } }
    func decode(_ type: String.Type) throws -> String { try read { () throws(WireFault) in try state.readString(at: offset) } }
    func decode(_ type: Double.Type) throws -> Double { try read { () throws(WireFault) in try state.readDouble(at: offset) } }
    func decode(_ type: Float.Type) throws -> Float { try read { () throws(WireFault) in try state.readFloat(at: offset) } }
    func decode(_ type: Int.Type) throws -> Int { try read { () throws(WireFault) in try state.readInteger(at: offset, as: Int.self) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: Int8.self) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: Int16.self) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: Int32.self) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: Int64.self) } }
    func decode(_ type: UInt.Type) throws -> UInt { try read { () throws(WireFault) in try state.readInteger(at: offset, as: UInt.self) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: UInt8.self) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: UInt16.self) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: UInt32.self) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try read { () throws(WireFault) in try state.readInteger(at: offset, as: UInt64.self) } }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try state.decodeInPlace(T.self, at: offset, context: context)
    }
}
