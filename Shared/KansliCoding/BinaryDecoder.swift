/// Decodes any `Decodable` value from Kansli's binary value format (docs/PROTOCOL.md, "Values").
///
///     let members = try BinaryDecoder().decode(MemberList.self, from: bytes)
///
/// The input must be exactly one value: bytes after it are an error. Unknown map keys are skipped
/// (in O(1): every container carries its byte count) without being validated, a missing optional
/// decodes as nil, and integers decode from either integer tag if they fit the requested type.
/// Anything malformed throws a `BinaryCodingError`; nothing traps, and nothing is allocated that
/// the input's own size does not justify (see `DecodingLimits`).
public struct BinaryDecoder: Sendable {
    /// The bounds enforced on the input.
    public var limits: DecodingLimits
    /// Passed to every `init(from:)` as `decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// A decoder with the given limits and no user info.
    public init(limits: DecodingLimits = .default) {
        self.limits = limits
        self.userInfo = [:]
    }

    /// Decodes a `T` from `bytes`, which must hold exactly one value.
    ///
    /// - Throws: `BinaryCodingError`; any error other than a `DecodingError` that `T`'s own
    ///   `init(from:)` throws passes through.
    @inlinable
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decodeValue(type, from: $0) }
    }

    /// Decodes a `T` from `bytes`, which must hold exactly one value and need only stay valid for
    /// the duration of the call.
    @inlinable
    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        try decodeValue(type, from: bytes)
    }

    /// The body of `decode(_:from:)`, kept out of line so that inlining it exposes nothing internal.
    @usableFromInline
    func decodeValue<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let state = DecodingState(bytes: bytes, limits: limits, userInfo: userInfo)
        defer { state.finish() }
        do {
            return try state.decodeTopLevel(T.self)
        } catch let error as DecodingError {
            throw BinaryCodingError(converting: error)
        }
    }
}
