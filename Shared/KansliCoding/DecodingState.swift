/// Everything one `BinaryDecoder.decode(_:from:)` call reads from: the input, the limits, the coding
/// path of the value decoding itself, and the key index of the open maps.
///
/// One instance per call. Containers are small structs holding a reference to it, and the state
/// itself is the `Decoder` of nested values (`currentOffset` says which), so decoding a value
/// allocates nothing but what the value itself holds and the keyed-container boxes of the standard
/// library.
///
/// Every value a container hands out has been measured first (`skipValue`) against its container's
/// bounds; reads then only check against the end of the input, which keeps them memory safe even if
/// a container is used after the call has finished (`finish()` empties the input).
final class DecodingState {
    // Exclusivity is checked (no `@exclusivity(unchecked)`): turning it off measured under 10 % on
    // the coder benchmark, and no fuzz target covers the decoder of untrusted input yet.

    /// The first byte of the input.
    var base: UnsafeRawPointer
    /// The number of input bytes; 0 once the call has finished.
    var count: Int
    /// The bounds on the input.
    let limits: DecodingLimits
    /// The coding path of the value now decoding itself with this state as its `Decoder`.
    var path: [CodingPathElement]
    /// The key index of every open keyed container: a header entry then the entries, per container.
    /// Raw memory rather than an `Array`, whose every access from a class property costs a retain
    /// and a release of its buffer; `entryCount` entries are initialised.
    var entries: UnsafeMutablePointer<KeyedEntry>
    /// How many entries `entries` holds.
    var entryCount: Int
    /// How many entries `entries` has room for.
    var entryCapacity: Int
    /// The path of every `PathContext` made during the call, by its index.
    var contexts: [[CodingPathElement]]
    /// Where the value now decoding itself with this state as its `Decoder` starts.
    var currentOffset: Int
    /// The user info of the `BinaryDecoder`.
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]

    /// A state reading `bytes`, which must stay valid until `finish()`.
    init(bytes: UnsafeRawBufferPointer, limits: DecodingLimits, userInfo: [CodingUserInfoKey: any Sendable]) {
        // An empty buffer may have no address; nothing is ever read through this one.
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 0x10)!
        count = bytes.count
        self.limits = limits
        path = []
        path.reserveCapacity(16)
        entryCapacity = 64
        entries = .allocate(capacity: entryCapacity)
        entryCount = 0
        contexts = []
        currentOffset = 0
        sendableUserInfo = userInfo
    }

    deinit {
        entries.deallocate()
    }

    /// Forgets the input, so that a container or decoder kept past the call reads nothing.
    func finish() {
        count = 0
        entryCount = 0
    }

    /// Appends an entry to the key index.
    @inline(__always)
    func appendEntry(_ entry: KeyedEntry) {
        if entryCount == entryCapacity { growEntries() }
        (entries + entryCount).initialize(to: entry)
        entryCount &+= 1
    }

    /// Doubles the room of the key index.
    func growEntries() {
        let newCapacity = entryCapacity &* 2
        let newEntries = UnsafeMutablePointer<KeyedEntry>.allocate(capacity: newCapacity)
        newEntries.moveInitialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = newEntries
        entryCapacity = newCapacity
    }

    /// A context for a container or decoder at `path`, kept until the call ends.
    func makeContext(_ path: [CodingPathElement]) -> PathContext {
        contexts.append(path)
        return PathContext(index: contexts.count &- 1)
    }

    /// The coding path of `context`.
    @inline(__always)
    func path(of context: PathContext) -> [CodingPathElement] {
        contexts[context.index]
    }

    /// Decodes the top-level value, which must span the whole input.
    func decodeTopLevel<T: Decodable>(_ type: T.Type) throws -> T {
        do throws(WireFault) {
            guard count > 0 else {
                throw WireFault(code: .truncated, message: "the input is empty; a value needs at least its tag", offset: 0)
            }
            let end = try skipValue(at: 0, end: count)
            guard end == count else {
                throw WireFault(code: .trailingBytes,
                                message: "\(count - end) bytes follow the top-level value, which ends at byte \(end)",
                                offset: end)
            }
            if Self.isSpecial(T.self) { return try decodeSpecial(T.self, at: 0) }
        } catch {
            throw error.error(at: [])
        }
        currentOffset = 0
        return try decodeContents(T.self, at: 0)
    }

    /// The coding path of a container with `context` (nil: the value now decoding itself).
    @inline(__always)
    func pathElements(_ context: PathContext?) -> [CodingPathElement] {
        if let context { return path(of: context) }
        return path
    }

    /// The public error for `fault` found in the container with `context`, at `element` within it.
    func fail(_ fault: WireFault, context: PathContext?, element: CodingPathElement? = nil) -> BinaryCodingError {
        var elements = pathElements(context)
        if let element { elements.append(element) }
        return fault.error(at: elements)
    }
}
