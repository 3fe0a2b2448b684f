/// Where one entry of a map lies in the output while the encoder sorts the entries: `start..<end` is the whole entry, `keyStart..<keyEnd` the bytes it is
/// sorted by.
struct EncodedSpan {
    /// The first byte of the entry.
    var start: Int
    /// The first byte of the sort key.
    var keyStart: Int
    /// One past the last byte of the sort key.
    var keyEnd: Int
    /// One past the last byte of the entry.
    var end: Int
}
