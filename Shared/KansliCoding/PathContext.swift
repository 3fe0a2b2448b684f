/// The coding path of a decoding container or decoder that is not the value now decoding itself:
/// one made by `nestedContainer`, `nestedUnkeyedContainer` or `superDecoder`, which the caller may
/// use in any order. The common containers need none: their path is the state's path.
///
/// An index into `DecodingState.contexts` rather than a reference: a container holds it without
/// reference counting and without `unowned(unsafe)`, and every use is a bounds-checked array read.
struct PathContext {
    /// The position of the path in `DecodingState.contexts`.
    let index: Int
}
