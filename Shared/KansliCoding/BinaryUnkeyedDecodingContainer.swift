/// Reads an array as an unkeyed container, element by element. Each element is measured before it
/// is read, against the array's own byte count, and the last element must end exactly where the
/// byte count says the array ends.
struct BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    /// The state read from.
    let state: DecodingState
    /// Where the next element starts.
    private(set) var cursor: Int
    /// One past the array's last byte.
    let end: Int
    /// The number of elements.
    let elementCount: Int
    /// The container's coding path, if it is not the state's (kept alive by the state).
    let context: PathContext?
    /// The index of the next element.
    private(set) var currentIndex: Int = 0

    init(state: DecodingState, cursor: Int, end: Int, elementCount: Int, context: PathContext?) {
        self.state = state
        self.cursor = cursor
        self.end = end
        self.elementCount = elementCount
        self.context = context
    }

    var codingPath: [any CodingKey] { state.pathElements(context).map(\.codingKey) }

    var count: Int? { elementCount }

    var isAtEnd: Bool { currentIndex >= elementCount }

    /// The error for reading past the last element.
    private func atEnd() -> BinaryCodingError {
        BinaryCodingError(code: .valueNotFound,
                          message: "the array has no element at index \(currentIndex); it has \(elementCount)",
                          codingPath: state.pathElements(context).map(\.component))
    }

    /// Measures the next element; returns where it starts and where it ends.
    @inline(__always)
    private func measure() throws -> (start: Int, next: Int) {
        guard currentIndex < elementCount else { throw atEnd() }
        do throws(WireFault) {
            return (cursor, try state.quickSkipValue(at: cursor, end: end))
        } catch {
            throw state.fail(error, context: context, element: .index(currentIndex))
        }
    }

    /// Moves past the element that ends at `next`; after the last one, checks that the array ends there.
    @inline(__always)
    private mutating func advance(to next: Int) throws(WireFault) {
        if currentIndex &+ 1 == elementCount && next != end {
            throw WireFault(code: .lengthOutOfBounds,
                            message: "the array's byte count says it ends at byte \(end) but its \(elementCount) elements end at byte \(next)",
                            offset: next)
        }
        cursor = next
        currentIndex &+= 1
    }

    /// `advance(to:)`, giving a fault the container's path.
    @inline(__always)
    private mutating func step(to next: Int) throws {
        do throws(WireFault) {
            try advance(to: next)
        } catch {
            throw state.fail(error, context: context)
        }
    }

    /// Reads the next element with `body`.
    @inline(__always)
    private mutating func next<R>(_ body: (DecodingState, Int) throws(WireFault) -> R) throws -> R {
        let (start, next) = try measure()
        do throws(WireFault) {
            let value = try body(state, start)
            try advance(to: next)
            return value
        } catch {
            throw state.fail(error, context: context, element: .index(currentIndex))
        }
    }

    mutating func decodeNil() throws -> Bool {
        let (start, next) = try measure()
        guard (try? state.byte(at: start)) == WireTag.null else { return false }
        try step(to: next)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readBool(at: offset) }
    }

    mutating func decode(_ type: String.Type) throws -> String {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readString(at: offset) }
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readDouble(at: offset) }
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readFloat(at: offset) }
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: Int.self) }
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: Int8.self) }
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: Int16.self) }
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: Int32.self) }
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: Int64.self) }
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: UInt.self) }
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: UInt8.self) }
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: UInt16.self) }
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: UInt32.self) }
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next { (state: DecodingState, offset: Int) throws(WireFault) in try state.readInteger(at: offset, as: UInt64.self) }
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (start, next) = try measure()
        let value = try state.decodeValue(T.self, at: start, element: .index(currentIndex), context: context)
        try step(to: next)
        return value
    }

    /// The path of a container nested at the current index.
    private func nestedContext() -> PathContext {
        state.makeContext(state.pathElements(context) + [.index(currentIndex)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (start, next) = try measure()
        let container = try state.keyedContainer(NestedKey.self, at: start, context: nestedContext())
        try step(to: next)
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (start, next) = try measure()
        let container = try state.unkeyedContainer(at: start, context: nestedContext())
        try step(to: next)
        return container
    }

    /// A decoder for the superclass's value, the next element.
    mutating func superDecoder() throws -> any Decoder {
        let (start, next) = try measure()
        let decoder = NestedDecoder(state: state, offset: start, context: nestedContext())
        try step(to: next)
        return decoder
    }
}
