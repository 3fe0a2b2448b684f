import KansliCoding

/// Encodes and decodes message payloads with the binary coder, turning coder failures into the
/// `ServiceError`s the protocol sends: a payload that does not decode is the peer's fault
/// (`bad_request`), a value that does not encode is ours (`internal`).
public enum ProtocolCoding {
    /// The payload of `value`.
    public static func encode<T: Encodable>(_ value: T) throws(ServiceError) -> [UInt8] {
        do {
            return try BinaryEncoder().encode(value)
        } catch {
            throw ServiceError(.internal, "cannot encode \(T.self): \(error)")
        }
    }

    /// The value in `bytes`; `what` names it in the error (`registry.party.add request`).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(ServiceError) -> T {
        do {
            return try BinaryDecoder().decode(type, from: bytes)
        } catch {
            throw ServiceError(.badRequest, "malformed \(what): \(error)")
        }
    }
}
