import KansliProtocol

/// The short code that names a committee across the deployment and in the CLI: `NBE` (Norrbottens
/// e-nämnd), `GNS` (Gemensam nämnd för samverkan, Jämtland).
///
/// A code is 2–16 characters of upper-case ASCII letters, digits and hyphens, starting with a
/// letter. It is unique in a deployment, which may hold every joint committee in Sweden.
public enum CommitteeCode {
    /// The longest code accepted.
    public static let maxLength = 16

    /// Whether `text` is a well-formed committee code.
    public static func isValid(_ text: String) -> Bool {
        // The length first: the text may be a 1 MiB request field, not worth copying.
        guard (2...maxLength).contains(text.utf8.count) else { return false }
        let bytes = Array(text.utf8)
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0]) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    /// Checks `text`; the error explains the format and quotes the text.
    public static func validate(_ text: String) throws(FormatError) {
        guard isValid(text) else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not a valid committee code: use 2–\(maxLength) upper-case letters A–Z, "
                    + "digits and hyphens, starting with a letter, e.g. NBE")
        }
    }
}
