/// Streaming SHA-256 (FIPS 180-4).
///
/// A `SHA256` is a plain value of about 120 bytes with no heap storage: copying it forks the
/// computation, so one prefix can be hashed once and finished several ways. `finalize()` does not
/// mutate, so a value can keep being updated after it has produced a digest of its prefix.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(header)
/// hasher.update(payload)
/// let digest = hasher.finalize()          // 32 bytes
/// let same = SHA256.hash(header + payload)
/// ```
///
/// Whole 64-byte blocks go straight from the caller's memory to the block function; only a
/// trailing partial block is buffered. See ``Backend`` for how the block function is chosen.
public struct SHA256: Sendable {
    /// The length of a digest in bytes (32).
    public static let digestByteCount = 32
    /// The length of the blocks the compression function consumes, in bytes (64).
    public static let blockByteCount = 64

    /// The eight working hash words H0…H7 (FIPS 180-4 §6.2), native-endian. A homogeneous tuple,
    /// so its memory can be handed to the C block function as `uint32_t[8]`.
    @usableFromInline
    internal typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// 64 bytes of storage for a partial block (eight words keep it 8-byte aligned).
    @usableFromInline
    internal typealias BlockStorage = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// H(0), FIPS 180-4 §5.3.3.
    @usableFromInline
    internal static let initialState: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    @usableFromInline internal var state: State
    /// Bytes of a block not yet compressed; only the first `bufferedByteCount` are meaningful.
    @usableFromInline internal var buffer: BlockStorage
    /// How many bytes of `buffer` hold message bytes, always in 0..<64 between calls.
    @usableFromInline internal var bufferedByteCount: Int
    /// Message length so far in bytes, modulo 2^64 (the padding stores it in bits, modulo 2^64).
    @usableFromInline internal var totalByteCount: UInt64
    /// Whether whole blocks go to the SHA-NI block function.
    @usableFromInline internal let usesAcceleratedBlocks: Bool

    /// Starts a new hash computation with ``Backend/default``: accelerated when the CPU allows it
    /// and `KANSLI_SHA256_PORTABLE=1` is not set.
    @inlinable
    public init() {
        self.init(backend: .default)
    }

    /// Starts a new hash computation whose whole blocks use `backend`.
    ///
    /// Asking for ``Backend/accelerated`` on a CPU without the SHA extensions gives the portable
    /// backend; ``backend`` tells which one is in use. Both give identical digests.
    @inlinable
    public init(backend: Backend) {
        state = Self.initialState
        buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        bufferedByteCount = 0
        totalByteCount = 0
        usesAcceleratedBlocks = backend == .accelerated && Backend.isAcceleratedAvailable
    }

    /// The block function this value uses for whole blocks.
    public var backend: Backend {
        usesAcceleratedBlocks ? .accelerated : .portable
    }

    /// Adds `bytes` to the message. Any length, including zero, in any number of calls.
    @inlinable
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalByteCount &+= UInt64(truncatingIfNeeded: remaining)

        if bufferedByteCount > 0 {
            let taken = Swift.min(Self.blockByteCount - bufferedByteCount, remaining)
            let filled = bufferedByteCount
            withUnsafeMutableBytes(of: &buffer) { block in
                // `block` has 64 bytes and filled + taken <= 64.
                (block.baseAddress! + filled).copyMemory(from: input, byteCount: taken)
            }
            bufferedByteCount += taken
            input += taken
            remaining -= taken
            guard bufferedByteCount == Self.blockByteCount else { return }
            compressBuffer()
            bufferedByteCount = 0
        }

        let wholeBlocks = remaining / Self.blockByteCount
        if wholeBlocks > 0 {
            Self.compress(&state, input, blockCount: wholeBlocks, accelerated: usesAcceleratedBlocks)
            input += wholeBlocks * Self.blockByteCount
            remaining -= wholeBlocks * Self.blockByteCount
        }

        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            bufferedByteCount = remaining
        }
    }

    /// Adds `bytes` to the message.
    @inlinable
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Returns the 32-byte digest of everything added so far.
    ///
    /// Does not change this value: it can keep being updated, and finalizing again after more
    /// updates gives the digest of the longer message.
    public func finalize() -> [UInt8] {
        var copy = self
        copy.appendPaddingAndLength()
        return Self.digestBytes(of: copy.state)
    }

    /// Returns the SHA-256 digest of `bytes` (32 bytes).
    @inlinable
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the SHA-256 digest of the bytes in `bytes` (32 bytes).
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    // MARK: - Internals

    /// Compresses the full 64-byte `buffer`.
    @usableFromInline
    internal mutating func compressBuffer() {
        var block = buffer
        let accelerated = usesAcceleratedBlocks
        withUnsafeBytes(of: &block) { bytes in
            // A tuple of eight UInt64 always has a base address.
            Self.compress(&state, bytes.baseAddress!, blockCount: 1, accelerated: accelerated)
        }
    }

    /// FIPS 180-4 §5.1.1: a 1 bit, zeros up to 56 mod 64, then the length in bits as a
    /// big-endian 64-bit integer; compresses the last one or two blocks.
    internal mutating func appendPaddingAndLength() {
        let bitLength = totalByteCount &<< 3
        var used = bufferedByteCount
        withUnsafeMutableBytes(of: &buffer) { block in
            block[used] = 0x80
            used += 1
            for index in used..<Self.blockByteCount { block[index] = 0 }
        }
        if used > Self.blockByteCount - 8 {
            compressBuffer()
            buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        withUnsafeMutableBytes(of: &buffer) { block in
            block.storeBytes(of: bitLength.bigEndian, toByteOffset: Self.blockByteCount - 8, as: UInt64.self)
        }
        compressBuffer()
        bufferedByteCount = 0
    }

    /// The digest bytes of a final state: H0…H7, each big-endian.
    internal static func digestBytes(of state: State) -> [UInt8] {
        var words = state
        return [UInt8](unsafeUninitializedCapacity: digestByteCount) { output, initializedCount in
            withUnsafeMutableBytes(of: &words) { raw in
                for index in 0..<8 {
                    let word = raw.load(fromByteOffset: index * 4, as: UInt32.self)
                    raw.storeBytes(of: word.bigEndian, toByteOffset: index * 4, as: UInt32.self)
                }
                for index in 0..<digestByteCount { output[index] = raw[index] }
            }
            initializedCount = digestByteCount
        }
    }
}
