/// One value the encoder is writing: the top-level value, or a nested value whose encoding has begun
/// and not yet ended.
///
/// `EncodingState.frames` is a stack of these, index = depth. A container writes into the frame at
/// its depth; writing there first closes every deeper frame, which is how the streaming encoder
/// learns that a nested container is finished (Codable has no "container done" call).
struct EncodingFrame {
    /// What has been written for this value so far.
    enum Kind: UInt8 {
        /// Nothing yet; the value's tag comes next. Closed as an empty map if it stays so.
        case pending
        /// A map is open: its tag and two placeholder bytes are written.
        case keyed
        /// An array is open: its tag and two placeholder bytes are written.
        case unkeyed
        /// A single value has been written completely.
        case done
    }

    /// What has been written for this value so far.
    var kind: Kind
    /// Where the two placeholder bytes (byte count, element count) of an open container start.
    var headerOffset: Int
    /// Entries (map) or elements (array) written so far.
    var count: Int
    /// Identifies this frame among all frames of one encoding, so that a container that outlived
    /// its frame is detected instead of writing into someone else's.
    let id: Int
    /// How the value is reached from its parent; nil for the top-level value.
    let element: CodingPathElement?
}
