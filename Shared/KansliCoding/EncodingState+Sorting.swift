#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Putting the entries of a dictionary into canonical order.
extension EncodingState {
    /// Reorders the entries that `spans` locate (written one after another up to the end of the
    /// output, starting at `spans[0].start`) so that their sort keys ascend, compared as unsigned
    /// bytes, a key that is a prefix of another first. Two equal sort keys are an error: the
    /// decoder would refuse the map. (Distinct keys always differ: `String` keys are compared as
    /// their UTF-8, so only canonically equivalent spellings can collide, and `Int` keys never.)
    func sortEntries(_ spans: inout [EncodedSpan], depth: Int) throws {
        guard spans.count > 1 else { return }
        // The entries lie one after another from the first one written to the end of the output.
        let bodyStart = spans[0].start
        let bodyLength = byteCount - bodyStart
        let output = UnsafeRawPointer(storage)
        func order(_ a: EncodedSpan, _ b: EncodedSpan) -> Int32 {
            let aCount = a.keyEnd - a.keyStart
            let bCount = b.keyEnd - b.keyStart
            let common = min(aCount, bCount)
            if common > 0 {
                let result = memcmp(output + a.keyStart, output + b.keyStart, common)
                if result != 0 { return result }
            }
            return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
        }
        var isSorted = true
        for index in 1..<spans.count where order(spans[index - 1], spans[index]) >= 0 {
            isSorted = false
            break
        }
        if !isSorted { spans.sort { order($0, $1) < 0 } }
        for index in 1..<spans.count where order(spans[index - 1], spans[index]) == 0 {
            throw BinaryCodingError(
                code: .duplicateKey,
                message: "two keys of this dictionary encode to the same bytes",
                codingPath: pathElements(depth: depth).map(\.component))
        }
        if isSorted { return }
        let sorted = UnsafeMutableRawPointer.allocate(byteCount: bodyLength, alignment: 1)
        defer { sorted.deallocate() }
        var position = 0
        for span in spans {
            (sorted + position).copyMemory(from: output + span.start, byteCount: span.end - span.start)
            position += span.end - span.start
        }
        (storage + bodyStart).copyMemory(from: sorted, byteCount: bodyLength)
    }
}
