import KansliCoding

/// Encodes and decodes message payloads with the binary coder, turning coder failures into the
/// `ServiceError`s the protocol sends: a payload that does not decode is the peer's fault
/// (`bad_request`), a value that does not encode, or a message type the coder cannot carry, is
/// ours (`internal`).
///
/// What reaches a client is a sentence a person can act on: the field path (also in
/// `ServiceError.field`), what is wrong, and the offending value quoted shortened
/// (`ServiceError.quote`); never a Swift type name or the coder's internals. The coder's own error
/// stays in `ServiceError.cause`, for logs and tests.
public enum ProtocolCoding {
    /// The payload of `value`.
    public static func encode<T: Encodable>(_ value: T) throws(ServiceError) -> [UInt8] {
        do {
            return try BinaryEncoder().encode(value)
        } catch {
            throw ServiceError(.internal, "a message could not be encoded; the service log has the cause",
                               cause: error)
        }
    }

    /// The value in `bytes`; `what` names it in the error (`registry.party.add request`).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(ServiceError) -> T {
        do {
            return try BinaryDecoder().decode(type, from: bytes)
        } catch let error as BinaryCodingError {
            throw serviceError(for: error, what: what)
        } catch let error as ServiceError {
            // A type's own `init(from:)` may refuse a value with a ServiceError of its own.
            throw error
        } catch {
            throw ServiceError(.badRequest, "malformed \(what): a value was refused", cause: error)
        }
    }

    /// The error a client sees for `error`, found decoding the payload `what`.
    static func serviceError(for error: BinaryCodingError, what: String) -> ServiceError {
        let field = error.codingPath.isEmpty ? nil : error.codingPathDescription
        // A message type the coder cannot carry is a defect on this side, not the peer's.
        if error.code == .unsupportedType || error.code == .invalidUsage {
            return ServiceError(.internal, "\(what) could not be decoded; the service log has the cause",
                                cause: error)
        }
        let place = field.map { "\($0): " } ?? ""
        return ServiceError(.badRequest, "malformed \(what): \(place)\(problem(of: error))", field: field, cause: error)
    }

    /// The longest problem description, in characters, taken from a type's own decoding error (its
    /// `debugDescription`, which may quote the input unshortened).
    static let problemLimit = 160

    /// What is wrong, in words, with the offending value where the coder found one.
    static func problem(of error: BinaryCodingError) -> String {
        switch error.code {
        case .numberOutOfRange:
            return error.message
        case .invalidValue, .typeMismatch:
            let description = shortened(error.message)
            guard let value = error.offendingValue else { return description }
            return "\(ServiceError.quote(value)) is \(description.hasPrefix("not ") ? "" : "refused: ")\(description)"
        case .keyNotFound:
            return "\(error.message) (a required field is missing)"
        default:
            // The coder's own messages about malformed bytes name tags, lengths and offsets only.
            var text = error.message
            if let offset = error.byteOffset { text += " (byte \(offset))" }
            return text
        }
    }

    /// `text`, cut to `problemLimit` characters with `…`.
    static func shortened(_ text: String) -> String {
        text.count <= problemLimit ? text : String(text.prefix(problemLimit)) + "…"
    }
}
