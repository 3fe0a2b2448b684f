import Testing
import KansliFraming
import KansliTestSupport

/// How a byte stream is cut into the chunks fed to a parser.
enum Chunking: CustomStringConvertible {
    /// Everything in one `append`.
    case whole
    /// One byte per `append`.
    case bytewise
    /// Chunks of 1...maxChunk bytes, sizes drawn from a seeded generator.
    case random(seed: UInt64, maxChunk: Int)

    var description: String {
        switch self {
        case .whole: "whole"
        case .bytewise: "bytewise"
        case .random(let seed, let maxChunk): "random(seed: \(seed), maxChunk: \(maxChunk))"
        }
    }

    /// The chunk sizes for a stream of `count` bytes.
    func sizes(for count: Int) -> [Int] {
        switch self {
        case .whole:
            return count == 0 ? [] : [count]
        case .bytewise:
            return Array(repeating: 1, count: count)
        case .random(let seed, let maxChunk):
            var generator = SeededGenerator(seed: seed)
            var sizes: [Int] = []
            var left = count
            while left > 0 {
                let size = min(left, Int.random(in: 1...maxChunk, using: &generator))
                sizes.append(size)
                left -= size
            }
            return sizes
        }
    }
}

/// Feeds `bytes` to `parser` cut as `chunking` says, draining frames after every chunk as a
/// transport would. Returns every frame; rethrows the first error.
func parse(
    _ bytes: [UInt8],
    chunking: Chunking = .whole,
    parser: inout FrameParser
) throws(FramingError) -> [Frame] {
    var frames: [Frame] = []
    var offset = 0
    for size in chunking.sizes(for: bytes.count) {
        parser.append(bytes[offset..<(offset + size)])
        offset += size
        while let frame = try parser.nextFrame() {
            frames.append(frame)
        }
    }
    return frames
}

/// `parse(_:chunking:parser:)` with a fresh parser.
func parse(
    _ bytes: [UInt8],
    chunking: Chunking = .whole,
    limits: FrameLimits = .default
) throws(FramingError) -> [Frame] {
    var parser = FrameParser(limits: limits)
    return try parse(bytes, chunking: chunking, parser: &parser)
}

/// The error `body` throws, or `nil` if it returns. (Closures do not infer a typed `throws`, so
/// this takes an untyped one; anything but a `FramingError` is recorded as a failure.)
func framingError<T>(_ body: () throws -> T) -> FramingError? {
    do {
        _ = try body()
        return nil
    } catch let error as FramingError {
        return error
    } catch {
        Issue.record("Expected a FramingError, got \(error)")
        return nil
    }
}

/// A frame assembled by hand from a header and a wire payload, with a correct CRC unless one is
/// given: for payloads `FrameWriter` would never produce (bad envelopes, lying lengths).
func handmadeFrame(
    kind: FrameKind = .request,
    flags: FrameFlags = [],
    requestID: UInt32 = 1,
    method: UInt16 = 1,
    wirePayload: [UInt8],
    checksum: UInt32? = nil
) -> [UInt8] {
    let header = FrameHeader(
        kind: kind,
        flags: flags,
        requestID: requestID,
        method: method,
        payloadLength: UInt32(wirePayload.count),
        checksum: checksum ?? CRC32.checksum(wirePayload)
    )
    return header.encoded() + wirePayload
}

/// A compression envelope: `stated` as u32 big-endian, then `stream`.
func envelope(stated: UInt32, stream: [UInt8]) -> [UInt8] {
    [UInt8(stated >> 24), UInt8(truncatingIfNeeded: stated >> 16),
     UInt8(truncatingIfNeeded: stated >> 8), UInt8(truncatingIfNeeded: stated)] + stream
}

/// A payload that compresses well: repeated text.
func compressiblePayload(_ count: Int) -> [UInt8] {
    let line = Array("Justering av protokoll, nämnden 2024-03-14, paragraf 12. ".utf8)
    return (0..<count).map { line[$0 % line.count] }
}

/// Hex as in the docs: two lowercase digits per byte, separated by spaces.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
}

/// Parses hex written with any whitespace between byte pairs.
func bytes(hex text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace }
    var result: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        guard let byte = UInt8(digits[index..<next], radix: 16) else {
            preconditionFailure("Not hex: \(digits[index..<next])")
        }
        result.append(byte)
        index = next
    }
    return result
}
