/// Writes any `Encodable` as JSON (RFC 8259), deterministically: the same value always gives the
/// same bytes, so a JSON block can be hashed or signed.
///
/// ```swift
/// let bytes = try JSONWriter(layout: .pretty).encode(composition)
/// ```
///
/// The output is byte for byte what Python writes with
/// `json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)` (`.pretty`) or
/// `json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))` (`.compact`),
/// which tests check on seeded random values:
/// - object keys sorted by Unicode code point (as UTF-8 bytes); a key written twice keeps the
///   last value;
/// - strings as UTF-8, escaping only `"`, `\` and the control characters U+0000–U+001F
///   (`\b \f \n \r \t`, the rest as `\u00XX` in lowercase hex); `/`, U+007F, U+2028 and U+2029
///   are written as they are;
/// - integers of every width exactly; `Double` and `Float` as the shortest decimal that reads
///   back to the same value, laid out as Python's `repr` does (`0.1`, `100.0`, `1e-05`,
///   `1e+16`, `-0.0`); NaN and infinities are refused (`EncodingError.invalidValue`), since
///   JSON has no spelling for them;
/// - `nil` as `null` where the type encodes it (an optional in an array, `Int??.some(nil)`);
///   synthesized `Codable` leaves out nil properties;
/// - a value that encodes nothing as `{}`; no final newline.
///
/// It knows nothing of Foundation's special cases (`Date`, `Data`, `URL`): the services have
/// none of those types. Dictionaries with `String` or `Int` keys become objects, others arrays
/// of alternating keys and values, as their own `Encodable` conformance says.
public struct JSONWriter: Sendable {
    /// Where the whitespace goes.
    public enum Layout: Sendable, Hashable {
        /// One member or element per line, indented by two spaces, `"key": value`.
        case pretty
        /// No whitespace at all: `{"a":[1,2]}`.
        case compact
    }

    /// The layout this writer uses.
    public var layout: Layout

    /// A writer with `layout`.
    public init(layout: Layout = .pretty) {
        self.layout = layout
    }

    /// `value` as JSON text in UTF-8.
    ///
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite number, or what `value`'s
    ///   own `encode(to:)` throws.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: JSONTreeEncoder(node: root, codingPath: []))
        var output: [UInt8] = []
        output.reserveCapacity(256)
        root.write(to: &output, layout: layout, depth: 0)
        return output
    }

    /// `value` as JSON text.
    public func string<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
