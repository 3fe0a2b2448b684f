extension BinaryCodingError {
    /// One step of a coding path: a key of a keyed container (its `stringValue`) or the index of an
    /// element of an unkeyed container.
    public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
        /// A key, by its string value.
        case key(String)
        /// An element of an array, by its position from 0.
        case index(Int)

        /// The key itself, or `[index]`.
        public var description: String {
            switch self {
            case .key(let key): return key
            case .index(let index): return "[\(index)]"
            }
        }
    }
}
