/// Streaming SHA-512 (FIPS 180-4), the hash inside Ed25519 (RFC 8032).
///
/// Like ``SHA256``, a `SHA512` is a plain value with no heap storage: copying it forks the
/// computation, and `finalize()` does not mutate, so a value can keep being updated after it has
/// produced a digest of its prefix.
///
/// ```swift
/// var hasher = SHA512()
/// hasher.update(prefix)
/// hasher.update(message)
/// let digest = hasher.finalize()          // 64 bytes
/// let same = SHA512.hash(prefix + message)
/// ```
///
/// Whole 128-byte blocks go straight from the caller's memory to the portable block function
/// (`SHA512+Blocks.swift`); only a trailing partial block is buffered.
public struct SHA512: Sendable {
    /// The length of a digest in bytes (64).
    public static let digestByteCount = 64
    /// The length of the blocks the compression function consumes, in bytes (128).
    public static let blockByteCount = 128

    /// The eight working hash words H0…H7 (FIPS 180-4 §6.4).
    @usableFromInline
    internal typealias State = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// 128 bytes of storage for a partial block.
    @usableFromInline
    internal typealias BlockStorage = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                       UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// H(0), FIPS 180-4 §5.3.5: the first 64 bits of the fractional parts of the square roots of
    /// the first eight primes.
    @usableFromInline
    internal static let initialState: State = (
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179
    )

    @usableFromInline internal var state: State
    /// Bytes of a block not yet compressed; only the first `bufferedByteCount` are meaningful.
    @usableFromInline internal var buffer: BlockStorage
    /// How many bytes of `buffer` hold message bytes, always in 0..<128 between calls.
    @usableFromInline internal var bufferedByteCount: Int
    /// Message length so far in bytes, modulo 2^64. The padding stores the length in bits as a
    /// 128-bit number; messages this module hashes are far below 2^61 bytes, so the top bits of
    /// that number come from this count alone.
    @usableFromInline internal var totalByteCount: UInt64

    /// Starts a new hash computation.
    @inlinable
    public init() {
        state = Self.initialState
        buffer = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        bufferedByteCount = 0
        totalByteCount = 0
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
                // `block` has 128 bytes and filled + taken <= 128.
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
            Self.compress(&state, input, blockCount: wholeBlocks)
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

    /// Returns the 64-byte digest of everything added so far.
    ///
    /// Does not change this value: it can keep being updated, and finalizing again after more
    /// updates gives the digest of the longer message.
    public func finalize() -> [UInt8] {
        var copy = self
        copy.appendPaddingAndLength()
        return Self.digestBytes(of: copy.state)
    }

    /// Returns the SHA-512 digest of `bytes` (64 bytes).
    @inlinable
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA512()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the SHA-512 digest of the bytes in `bytes` (64 bytes).
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA512()
        hasher.update(bytes)
        return hasher.finalize()
    }

    // MARK: - Internals

    /// Compresses the full 128-byte `buffer`.
    @usableFromInline
    internal mutating func compressBuffer() {
        var block = buffer
        withUnsafeBytes(of: &block) { bytes in
            // A tuple of sixteen UInt64 always has a base address.
            Self.compress(&state, bytes.baseAddress!, blockCount: 1)
        }
    }

    /// FIPS 180-4 §5.1.2: a 1 bit, zeros up to 112 mod 128, then the length in bits as a
    /// big-endian 128-bit integer; compresses the last one or two blocks.
    internal mutating func appendPaddingAndLength() {
        let bitLengthLow = totalByteCount &<< 3
        let bitLengthHigh = totalByteCount >> 61
        var used = bufferedByteCount
        withUnsafeMutableBytes(of: &buffer) { block in
            block[used] = 0x80
            used += 1
            for index in used..<Self.blockByteCount { block[index] = 0 }
        }
        if used > Self.blockByteCount - 16 {
            compressBuffer()
            buffer = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        }
        withUnsafeMutableBytes(of: &buffer) { block in
            block.storeBytes(of: bitLengthHigh.bigEndian, toByteOffset: Self.blockByteCount - 16, as: UInt64.self)
            block.storeBytes(of: bitLengthLow.bigEndian, toByteOffset: Self.blockByteCount - 8, as: UInt64.self)
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
                    let word = raw.load(fromByteOffset: index * 8, as: UInt64.self)
                    raw.storeBytes(of: word.bigEndian, toByteOffset: index * 8, as: UInt64.self)
                }
                for index in 0..<digestByteCount { output[index] = raw[index] }
            }
            initializedCount = digestByteCount
        }
    }
}
