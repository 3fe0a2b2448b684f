/// Why a piece of text is not a valid value of one of the registry's formats (an
/// organisationsnummer, a bankgiro number, a case-number template, a record id …).
///
/// The message is one sentence a person can act on; it quotes the offending text. The service
/// turns it into a `ServiceError` with code `validation` and the request field at fault.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, and what a valid value looks like.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
