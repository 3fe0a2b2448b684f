/// The bounds a `BinaryDecoder` enforces on untrusted input.
///
/// Independently of these limits, every length and count read from the input is checked against the
/// bytes that remain before anything is allocated: an array that claims more elements than it has
/// bytes, or a string that claims 2^60 bytes, is refused from its header alone.
public struct DecodingLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and maps (containers) allowed. The top-level container is at
    /// depth 1; a container at depth `maxDepth + 1` is refused. Default 64. This also bounds the
    /// recursion of `init(from:)` calls, so keep it to a few hundred: every level uses stack.
    public var maxDepth: Int
    /// The longest string (value or map key) in UTF-8 bytes. Default 1 MiB.
    public var maxStringByteCount: Int
    /// The most elements of one array or entries of one map. Default 1 000 000.
    public var maxCollectionCount: Int

    /// Limits with the given values; each defaults to the value of `DecodingLimits.default`.
    public init(maxDepth: Int = 64, maxStringByteCount: Int = 1 << 20, maxCollectionCount: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxStringByteCount = maxStringByteCount
        self.maxCollectionCount = maxCollectionCount
    }

    /// Depth 64, strings up to 1 MiB, collections up to 1 000 000 elements.
    public static let `default` = DecodingLimits()
}
