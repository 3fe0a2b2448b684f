#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything one `BinaryEncoder.encode(_:)` call writes into: the output buffer and the stack of
/// values being written.
///
/// One instance per call, owned by that call; containers are small structs holding a reference to
/// it, and the state itself serves as the `Encoder` of nested values, so encoding a value allocates
/// nothing but the keyed-container boxes the standard library makes.
///
/// The output is one growing buffer of raw memory that this class owns (`malloc`/`realloc`, freed
/// in `deinit`), copied once into the `[UInt8]` that `encode` returns. Appending through `Array`
/// cost a uniqueness check and a generic `append(contentsOf:)` per write, which measured as a fifth
/// of the encoding time.
///
/// The encoder streams: a container writes its entries straight into the buffer. An array or map
/// starts with its tag and two placeholder bytes; when it is closed, the byte count and the element
/// count are written there, and in the rare case that they need more than one byte each the body
/// is moved up by the difference.
final class EncodingState {
    // Exclusivity is checked (no `@exclusivity(unchecked)`): with the frames in a `FrameStack`
    // (a `let`), what remains of the checks costs under 10 % on the coder benchmark.

    /// The output buffer; `capacity` bytes, the first `byteCount` written.
    var storage: UnsafeMutableRawPointer
    /// The size of `storage`.
    var capacity: Int
    /// How many bytes of `storage` are written.
    var byteCount: Int
    /// The values being written, index = depth (0 = the top-level value).
    let frames = FrameStack(capacity: 16)
    /// The depth of the value whose `encode(to:)` is running with this state as its `Encoder`.
    var valueDepth: Int
    /// The id the next frame gets.
    var nextFrameID: Int
    /// The user info of the `BinaryEncoder`.
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]

    /// The frame id of a container that was refused when it was made; every write to it throws.
    static let invalidFrameID = -1
    /// The capacity the output starts with; it doubles as needed.
    static let initialCapacity = 1024

    /// A fresh state with an empty output.
    init(userInfo: [CodingUserInfoKey: any Sendable]) {
        guard let memory = malloc(Self.initialCapacity) else { fatalError("out of memory") }
        storage = memory
        capacity = Self.initialCapacity
        byteCount = 0
        valueDepth = 0
        nextFrameID = 1
        sendableUserInfo = userInfo
    }

    deinit {
        free(storage)
    }

    /// A copy of the output.
    func outputBytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initializedCount in
            if byteCount > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: storage, byteCount: byteCount) }
            initializedCount = byteCount
        }
    }

    /// Encodes `value` as the top-level value and returns the bytes.
    func encodeTopLevel<T: Encodable>(_ value: T) throws -> [UInt8] {
        frames.append(EncodingFrame(kind: .pending, headerOffset: 0, count: 0, id: 0, element: nil))
        valueDepth = 0
        try encodeSingleValue(value, depth: 0, frameID: 0)
        closeFrames(downTo: -1)
        return outputBytes()
    }

    /// The coding path of the value at `depth`.
    func codingPath(depth: Int) -> [any CodingKey] {
        pathElements(depth: depth).map(\.codingKey)
    }

    /// The path elements of the value at `depth` (as far as its frames still exist).
    func pathElements(depth: Int) -> [CodingPathElement] {
        frames.pathElements(through: min(depth, frames.count - 1))
    }

    /// The error for a value of `type`, which the value format does not carry (a `Set`, a
    /// `Dictionary` keyed by anything but `String` or `Int`). It names the type: it is meant for
    /// the developer who wrote the message type, and never reaches a client (`ProtocolCoding`
    /// reports an encoding failure as `internal` without the message).
    func unsupportedTypeError(_ type: Any.Type, depth: Int) -> BinaryCodingError {
        BinaryCodingError(
            code: .unsupportedType,
            message: "\(type) cannot be encoded: messages carry arrays, and dictionaries keyed by String or Int "
                + "only; use an array (sorted, if its order must not matter) or a String- or Int-keyed dictionary",
            codingPath: pathElements(depth: depth).map(\.component))
    }

    /// The error for a container or encoder used in a way the streaming encoder cannot honour.
    func usageError(_ message: String, depth: Int) -> BinaryCodingError {
        BinaryCodingError(code: .invalidUsage, message: message,
                          codingPath: pathElements(depth: depth).map(\.component))
    }
}
