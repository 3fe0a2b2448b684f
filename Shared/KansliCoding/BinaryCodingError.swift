/// The one error `BinaryEncoder` and `BinaryDecoder` throw for anything wrong with the bytes or the
/// use of the coder: what is wrong (`code`, stable), a message a person can act on, the coding path
/// of the value concerned and, when decoding, the byte offset in the input.
///
/// `DecodingError`s and `EncodingError`s thrown by a type's own `init(from:)` or `encode(to:)` (an
/// unknown raw value of an enum, say) are converted into a `BinaryCodingError` with code
/// `.invalidValue` at the top level; other errors a type throws pass through unchanged.
public struct BinaryCodingError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem this is. Codes are stable; messages are not.
    public let code: Code
    /// What is wrong, in words, e.g. "string claims 1152921504606846976 bytes but 3 remain".
    public let message: String
    /// Where in the value: the keys and indices from the top-level value down.
    public let codingPath: [PathComponent]
    /// The offset in the input at which the problem was found, when decoding.
    public let byteOffset: Int?
    /// The offending value as the input holds it, when decoding found a well-formed value that is
    /// wrong (an unknown enum raw value, a number out of range): a string's text (at most
    /// `offendingValueLimit` bytes of it), or a number or Boolean written as Swift writes it; nil
    /// otherwise. It comes from the network: quote it shortened (`ServiceError.quote`) before
    /// showing it to anyone.
    public let offendingValue: String?

    /// The most bytes of an offending string kept in `offendingValue`.
    public static let offendingValueLimit = 256

    /// An error with the given parts.
    public init(code: Code, message: String, codingPath: [PathComponent] = [], byteOffset: Int? = nil,
                offendingValue: String? = nil) {
        self.code = code
        self.message = message
        self.codingPath = codingPath
        self.byteOffset = byteOffset
        self.offendingValue = offendingValue
    }

    /// The coding path written the way a person reads it: `members[3].givenName`, or `(top level)`.
    public var codingPathDescription: String {
        if codingPath.isEmpty { return "(top level)" }
        var text = ""
        for component in codingPath {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// `code: message at <path>[, byte <offset>]`.
    public var description: String {
        var text = "\(code): \(message) at \(codingPathDescription)"
        if let byteOffset { text += ", byte \(byteOffset)" }
        return text
    }
}
