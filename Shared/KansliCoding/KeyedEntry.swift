/// One entry of a decoded map in the decoder's key index: where its key's UTF-8 bytes are and where
/// its value starts, as offsets into the input.
///
/// A keyed container's entries sit in `DecodingState.entries` behind one header entry whose
/// `keyStart` holds the container's "next expected index" hint (fields usually arrive in the order
/// the type asks for them, so the hint makes most look-ups one comparison).
struct KeyedEntry {
    /// Offset of the key's first UTF-8 byte; in a header entry, the index the next look-up tries first.
    var keyStart: Int
    /// The key's length in bytes.
    let keyCount: Int
    /// Offset of the value's tag.
    let valueStart: Int
}
