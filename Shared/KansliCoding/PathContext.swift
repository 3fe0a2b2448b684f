/// The coding path of a decoding container or decoder that is not the value now decoding itself:
/// one made by `nestedContainer`, `nestedUnkeyedContainer` or `superDecoder`, which the caller may
/// use in any order. The common containers need none: their path is the state's path.
final class PathContext {
    /// The full coding path of the container or decoder.
    let path: [CodingPathElement]

    init(path: [CodingPathElement]) {
        self.path = path
    }
}
