/// Encodes any `Encodable` value into Kansli's binary value format (docs/PROTOCOL.md, "Values").
///
///     let bytes = try BinaryEncoder().encode(memberList)
///
/// The output is deterministic: equal values give equal bytes (dictionaries and sets are sorted by
/// their encoded keys; see `Dictionary+CanonicallyOrderedEncodable`). Strings are written as the
/// Unicode scalars they hold, without normalisation, so two strings that Swift's `==` calls equal
/// because they are canonically equivalent ("é" precomposed and decomposed) encode differently.
///
/// The encoder streams into one buffer. A type's `encode(to:)` may fill nested containers in any
/// nesting order Swift's synthesized code and ordinary hand-written code use; writing to a
/// container after a sibling value that follows it was started throws `.invalidUsage`.
public struct BinaryEncoder: Sendable {
    /// Passed to every `encode(to:)` as `encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// An encoder with no user info.
    public init() {
        userInfo = [:]
    }

    /// The bytes of `value`.
    ///
    /// - Throws: `BinaryCodingError` (`.invalidUsage` for a container used out of order,
    ///   `.duplicateKey` for two dictionary keys that encode the same, `.invalidValue` for an
    ///   `EncodingError` the value threw); any other error the value's `encode(to:)` throws.
    @inlinable
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encodeValue(value)
    }

    /// The body of `encode(_:)`, kept out of line so that inlining `encode(_:)` exposes nothing
    /// internal.
    @usableFromInline
    func encodeValue<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = EncodingState(userInfo: userInfo)
        do {
            return try state.encodeTopLevel(value)
        } catch let error as EncodingError {
            throw BinaryCodingError(converting: error)
        }
    }
}
