import KansliCoding
import KansliProtocol

/// Encodes and decodes message payloads with the binary coder, turning coder failures into
/// `ServiceError`s that name what was wrong.
enum ProtocolCoding {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        do {
            return try BinaryEncoder().encode(value)
        } catch {
            throw ServiceError(.internal, "cannot encode \(T.self): \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws -> T {
        do {
            return try BinaryDecoder().decode(type, from: bytes)
        } catch {
            throw ServiceError(.badRequest, "malformed \(what): \(error)")
        }
    }
}
