internal import CZlib

/// Whole-buffer zlib (RFC 1950) compression and capped decompression over the system zlib.
///
/// Each call owns one `z_stream` for its duration: allocated at a stable address (zlib's state
/// keeps a pointer back to the stream, so it must not move), initialised with
/// `deflateInit_`/`inflateInit_` given `ZLIB_VERSION` and the struct size (the `deflateInit` and
/// `inflateInit` macros do not import), ended and freed before returning. Every zlib return code
/// is checked; nothing zlib allocated outlives the call.
///
/// Decompression is built for untrusted input: the caller states how many bytes to expect, that
/// number is checked against a cap before anything is allocated, and inflating stops one byte past
/// it, so a small stream that would inflate to gigabytes costs at most `expectedCount + 1` bytes.
public enum Zlib {
    /// The compression level used: zlib's default (6), a good balance for payloads of 64 KiB–4 MiB.
    static let compressionLevel: Int32 = Z_DEFAULT_COMPRESSION

    /// Compresses `bytes` into one complete zlib stream.
    ///
    /// - Throws: ``FramingError/Code/compressionFailed`` if zlib reports an error (it can only run
    ///   out of memory) or the input exceeds 4 GiB − 1 bytes.
    public static func compress(_ bytes: UnsafeRawBufferPointer) throws(FramingError) -> [UInt8] {
        guard bytes.count <= Int(UInt32.max) else {
            throw FramingError(
                code: .compressionFailed,
                message: "Cannot compress \(bytes.count) bytes in one call; zlib's input length is 32 bits."
            )
        }
        // compressBound is the worst case for the default settings used here, so a single
        // deflate(Z_FINISH) into that much space always completes.
        let bound = Int(compressBound(UInt(bytes.count)))
        var failure: FramingError?
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initializedCount in
            initializedCount = 0
            do throws(FramingError) {
                if let written = try deflate(bytes, into: UnsafeMutableRawBufferPointer(buffer)) {
                    initializedCount = written
                } else {
                    failure = FramingError(
                        code: .compressionFailed,
                        message: "zlib's output exceeded compressBound(\(bytes.count)) = \(bound); zlib is broken."
                    )
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Compresses `bytes` into one complete zlib stream.
    ///
    /// - Throws: ``FramingError/Code/compressionFailed``; see the raw-buffer overload.
    public static func compress(_ bytes: [UInt8]) throws(FramingError) -> [UInt8] {
        try bytes.withTypedUnsafeBytes { (buffer) throws(FramingError) in try compress(buffer) }
    }

    /// Inflates the zlib stream `stream`, which must produce exactly `expectedCount` bytes.
    ///
    /// - Parameters:
    ///   - stream: A complete zlib stream, nothing after it.
    ///   - expectedCount: The inflated length the sender stated.
    ///   - limit: The largest acceptable `expectedCount`; checked before allocating or inflating.
    /// - Throws: ``FramingError/Code/decompressedTooLarge`` when `expectedCount` is over `limit`;
    ///   ``FramingError/Code/decompressedLengthMismatch`` when the stream inflates to fewer or more
    ///   bytes; ``FramingError/Code/decompressionFailed`` when the stream is corrupt, truncated,
    ///   needs a preset dictionary, or is followed by extra bytes.
    public static func decompress(
        _ stream: UnsafeRawBufferPointer,
        expectedCount: Int,
        limit: Int
    ) throws(FramingError) -> [UInt8] {
        guard expectedCount >= 0, expectedCount <= limit else {
            throw FramingError(
                code: .decompressedTooLarge,
                message: "A compressed payload states \(expectedCount) inflated bytes, over the limit of \(limit) (FrameLimits.maxDecompressedBytes); refused before inflating. The sender must split the payload, or both sides raise the limit."
            )
        }
        guard stream.count <= Int(UInt32.max), expectedCount < Int(UInt32.max) else {
            throw FramingError(
                code: .decompressionFailed,
                message: "Cannot inflate in one call: zlib's buffer lengths are 32 bits."
            )
        }
        var failure: FramingError?
        // One spare byte: a stream that inflates to more than stated fills it, which proves the
        // mismatch without ever producing more than expectedCount + 1 bytes.
        let output = [UInt8](unsafeUninitializedCapacity: expectedCount + 1) { buffer, initializedCount in
            initializedCount = 0
            do throws(FramingError) {
                initializedCount = try inflate(
                    stream, into: UnsafeMutableRawBufferPointer(buffer), expectedCount: expectedCount
                )
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Inflates `stream`, which must produce exactly `expectedCount` bytes; see the raw-buffer
    /// overload.
    public static func decompress(
        _ stream: [UInt8],
        expectedCount: Int,
        limit: Int
    ) throws(FramingError) -> [UInt8] {
        try stream.withTypedUnsafeBytes { (buffer) throws(FramingError) in
            try decompress(buffer, expectedCount: expectedCount, limit: limit)
        }
    }

    // MARK: - The z_stream calls

    /// Deflates all of `input` into `output` as one zlib stream.
    ///
    /// - Returns: The number of bytes written, or `nil` when the stream does not fit in `output`
    ///   (the caller then knows compression would not save the space it needs).
    /// - Throws: ``FramingError/Code/compressionFailed`` for any other zlib failure.
    static func deflate(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(FramingError) -> Int? {
        guard input.count <= Int(UInt32.max) else {
            throw FramingError(code: .compressionFailed, message: "Input over 4 GiB − 1 bytes.")
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initCode = deflateInit_(stream, compressionLevel, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else {
            throw FramingError(code: .compressionFailed, message: zlibFailure("deflateInit", initCode, stream))
        }
        defer {
            // Z_DATA_ERROR here only means the stream was ended early (the output did not fit),
            // which the caller already knows; the memory is freed either way.
            let endCode = deflateEnd(stream)
            assert(endCode == Z_OK || endCode == Z_DATA_ERROR, "deflateEnd returned \(endCode)")
        }
        stream.pointee.next_in = mutableBytePointer(input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        // Output space is capped at 4 GiB − 1; a stream needing more is reported as not fitting.
        let outputCount = min(output.count, Int(UInt32.max))
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(outputCount)

        let code = CZlib.deflate(stream, Z_FINISH)
        switch code {
        case Z_STREAM_END:
            return outputCount - Int(stream.pointee.avail_out)
        case Z_OK, Z_BUF_ERROR:
            // With Z_FINISH and all input supplied, stopping short of the stream's end means the
            // output space ran out.
            return nil
        default:
            throw FramingError(code: .compressionFailed, message: zlibFailure("deflate", code, stream))
        }
    }

    /// Inflates `input` into `output` (which has room for `expectedCount + 1` bytes) and checks the
    /// result is exactly one stream of exactly `expectedCount` bytes.
    private static func inflate(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        expectedCount: Int
    ) throws(FramingError) -> Int {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initCode = inflateInit_(stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else {
            throw FramingError(code: .decompressionFailed, message: zlibFailure("inflateInit", initCode, stream))
        }
        defer {
            // inflateEnd fails only for an uninitialised stream, which cannot happen here.
            let endCode = inflateEnd(stream)
            assert(endCode == Z_OK, "inflateEnd returned \(endCode)")
        }
        stream.pointee.next_in = mutableBytePointer(input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)

        let code = CZlib.inflate(stream, Z_FINISH)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch code {
        case Z_STREAM_END:
            guard stream.pointee.avail_in == 0 else {
                throw FramingError(
                    code: .decompressionFailed,
                    message: "\(stream.pointee.avail_in) bytes follow the end of the zlib stream in a compressed payload; the sender's envelope is malformed."
                )
            }
            guard produced == expectedCount else {
                throw lengthMismatch(stated: expectedCount, detail: "it inflates to \(produced)")
            }
            return produced
        case Z_OK, Z_BUF_ERROR:
            if stream.pointee.avail_out == 0 {
                throw lengthMismatch(stated: expectedCount, detail: "it inflates to more; inflating stopped there")
            }
            throw FramingError(
                code: .decompressionFailed,
                message: "The zlib stream of a compressed payload is truncated (ends after \(produced) of \(expectedCount) stated bytes)."
            )
        case Z_NEED_DICT:
            throw FramingError(
                code: .decompressionFailed,
                message: "The zlib stream of a compressed payload asks for a preset dictionary; Kansli never uses one."
            )
        case Z_DATA_ERROR:
            throw FramingError(
                code: .decompressionFailed,
                message: "The zlib stream of a compressed payload is corrupt: " + zlibFailure("inflate", code, stream)
            )
        default:
            throw FramingError(code: .decompressionFailed, message: zlibFailure("inflate", code, stream))
        }
    }

    private static func lengthMismatch(stated: Int, detail: String) -> FramingError {
        FramingError(
            code: .decompressedLengthMismatch,
            message: "A compressed payload states \(stated) inflated bytes but \(detail); the sender's envelope is inconsistent."
        )
    }

    /// `next_in` is declared `Bytef *` (zlib is built without `ZLIB_CONST`) although zlib never
    /// writes through it.
    private static func mutableBytePointer(_ pointer: UnsafeRawPointer?) -> UnsafeMutablePointer<UInt8>? {
        pointer.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// A message naming the call, zlib's return code and zlib's own message when it set one.
    private static func zlibFailure(_ call: String, _ code: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> String {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? codeName(code)
        return "zlib \(call) returned \(code) (\(detail))."
    }

    private static func codeName(_ code: Int32) -> String {
        switch code {
        case Z_OK: "Z_OK"
        case Z_STREAM_END: "Z_STREAM_END"
        case Z_NEED_DICT: "Z_NEED_DICT"
        case Z_ERRNO: "Z_ERRNO"
        case Z_STREAM_ERROR: "Z_STREAM_ERROR"
        case Z_DATA_ERROR: "Z_DATA_ERROR"
        case Z_MEM_ERROR: "Z_MEM_ERROR"
        case Z_BUF_ERROR: "Z_BUF_ERROR"
        case Z_VERSION_ERROR: "Z_VERSION_ERROR"
        default: "unknown code"
        }
    }
}
