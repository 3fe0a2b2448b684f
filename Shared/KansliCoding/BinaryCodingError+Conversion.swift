/// Turning the standard library's coding errors, thrown by a type's own `init(from:)` or
/// `encode(to:)`, into `BinaryCodingError`s, so that callers handle one error type.
extension BinaryCodingError {
    /// The `BinaryCodingError` for a `DecodingError`.
    init(converting error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(code: .typeMismatch, message: "\(context.debugDescription) (expected \(type))",
                      codingPath: Self.components(context.codingPath))
        case .valueNotFound(let type, let context):
            self.init(code: .valueNotFound, message: "\(context.debugDescription) (expected \(type))",
                      codingPath: Self.components(context.codingPath))
        case .keyNotFound(let key, let context):
            self.init(code: .keyNotFound, message: "no value for key \"\(key.stringValue)\": \(context.debugDescription)",
                      codingPath: Self.components(context.codingPath))
        case .dataCorrupted(let context):
            self.init(code: .invalidValue, message: context.debugDescription,
                      codingPath: Self.components(context.codingPath))
        @unknown default:
            self.init(code: .invalidValue, message: "\(error)")
        }
    }

    /// The `BinaryCodingError` for an `EncodingError`.
    init(converting error: EncodingError) {
        switch error {
        case .invalidValue(let value, let context):
            self.init(code: .invalidValue, message: "\(context.debugDescription) (value \(value))",
                      codingPath: Self.components(context.codingPath))
        @unknown default:
            self.init(code: .invalidValue, message: "\(error)")
        }
    }

    /// A coding path as path components; keys that stand for array indices become indices.
    static func components(_ path: [any CodingKey]) -> [PathComponent] {
        path.map { key in
            if let index = key.intValue, key.stringValue == "Index \(index)" { return .index(index) }
            return .key(key.stringValue)
        }
    }
}
