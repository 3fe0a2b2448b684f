/// Turning the standard library's coding errors, thrown by a type's own `init(from:)` or
/// `encode(to:)`, into `BinaryCodingError`s, so that callers handle one error type.
///
/// The messages keep only what a person can act on: the type's own description of the problem,
/// never the Swift type the error names (a client must not see `PartyKind`). The standard library's
/// message for an unknown raw value of an enum ("Cannot initialize PartyKind from invalid String
/// value kommunx") is replaced by a plain one; the value itself goes into `offendingValue`.
extension BinaryCodingError {
    /// What the standard library's synthesized `RawRepresentable` decoding says, up to the type name.
    static let rawValueMessagePrefix = "Cannot initialize "

    /// The message for an unknown raw value.
    static let notAnAcceptedValue = "not one of the accepted values"

    /// The `BinaryCodingError` for a `DecodingError` thrown by the value at `byteOffset`, whose
    /// scalar text (if it is a string, number or Boolean) is `offendingValue`.
    init(converting error: DecodingError, byteOffset: Int? = nil, offendingValue: String? = nil) {
        switch error {
        case .typeMismatch(_, let context):
            self.init(code: .typeMismatch, message: context.debugDescription,
                      codingPath: Self.components(context.codingPath), byteOffset: byteOffset,
                      offendingValue: offendingValue)
        case .valueNotFound(_, let context):
            self.init(code: .valueNotFound, message: context.debugDescription,
                      codingPath: Self.components(context.codingPath), byteOffset: byteOffset)
        case .keyNotFound(let key, let context):
            self.init(code: .keyNotFound, message: "no value for the key \"\(key.stringValue)\"",
                      codingPath: Self.components(context.codingPath), byteOffset: byteOffset)
        case .dataCorrupted(let context):
            let description = context.debugDescription
            self.init(code: .invalidValue,
                      message: description.hasPrefix(Self.rawValueMessagePrefix) ? Self.notAnAcceptedValue : description,
                      codingPath: Self.components(context.codingPath), byteOffset: byteOffset,
                      offendingValue: offendingValue)
        @unknown default:
            self.init(code: .invalidValue, message: "the value was refused", byteOffset: byteOffset,
                      offendingValue: offendingValue)
        }
    }

    /// The `BinaryCodingError` for an `EncodingError`.
    init(converting error: EncodingError) {
        switch error {
        case .invalidValue(_, let context):
            self.init(code: .invalidValue, message: context.debugDescription,
                      codingPath: Self.components(context.codingPath))
        @unknown default:
            self.init(code: .invalidValue, message: "the value was refused")
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
