/// One step of the coding path as the coder keeps it while it works.
///
/// Cheaper than `any CodingKey` for the steps the coder makes itself: an array index or a
/// dictionary key costs no existential box; `codingKey` builds a real key only when someone asks
/// for `codingPath` or an error needs the path.
enum CodingPathElement {
    /// A key of a keyed container, as the type gave it.
    case key(any CodingKey)
    /// The position of an element in an unkeyed container.
    case index(Int)
    /// A key the coder made: a `String` dictionary key, or `super`.
    case string(String)
    /// An `Int` dictionary key.
    case int(Int)

    /// The element as a coding key.
    var codingKey: any CodingKey {
        switch self {
        case .key(let key): return key
        case .index(let index): return BinaryCodingKey(index: index)
        case .string(let string): return BinaryCodingKey(stringValue: string)
        case .int(let int): return BinaryCodingKey(intValue: int)
        }
    }

    /// The element as a component of a `BinaryCodingError`'s path.
    var component: BinaryCodingError.PathComponent {
        switch self {
        case .key(let key): return .key(key.stringValue)
        case .index(let index): return .index(index)
        case .string(let string): return .key(string)
        case .int(let int): return .key(String(int))
        }
    }
}
