import KansliProtocol

/// An enumeration of the registry's messages (`AppointmentKind`, `KeyKind` …): it travels as one of
/// its raw strings (PROTOCOL §6.1, *Enumerations*) and refuses any other string.
///
/// It exists for the refusal's message. The standard library's decoding of a `RawRepresentable`
/// repeats the whole string it refuses ("Cannot initialize KeyKind from invalid String value
/// …"), so a 1 MiB value came back as a 1 MiB `bad_request` message; this one quotes it only
/// shortened (`ServiceError.quote`) and lists the values that are accepted.
public protocol RegistryEnumeration: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension RegistryEnumeration {
    /// Decodes one of the raw strings; any other string is `dataCorrupted`, quoted shortened.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let accepted = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(ServiceError.quote(text)) is not a \(Self.self): use one of \(accepted)")
        }
        self = value
    }
}
