/// Why a byte stream or a payload is not a valid Kansli frame.
///
/// The ``code`` is stable and meant for programs (tests, metrics, the mapping to a protocol error
/// code); the ``message`` is meant for a person and says what was wrong and what to do about it.
/// Codes are a struct wrapping a private enum, so new codes can be added without breaking callers
/// that switch on them.
///
/// After a ``FrameParser`` throws one of these it is poisoned, because the stream can no longer be
/// trusted to be in sync: the transport answers with one error frame carrying ``protocolErrorCode``
/// (request id ``requestID``, or 0 when it is unknown) and closes the connection. The exception is
/// ``Code/badMagic``: that peer does not speak Kansli, so the transport just closes.
public struct FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of violation this is.
    public var code: Code

    /// What went wrong, with the offending values, and what to do about it.
    public var message: String

    /// The request id from the frame's header, when the header was valid enough to read it
    /// (for example a frame over the size limit, or one whose checksum does not match), so the
    /// receiver can address its error reply; `nil` when the header itself was invalid.
    public var requestID: UInt32?

    /// Creates an error.
    public init(code: Code, message: String, requestID: UInt32? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    /// The protocol error code a receiver reports for this error: `"too_large"`,
    /// `"unsupported_version"` or `"bad_request"` (see ``Code/protocolErrorCode``).
    public var protocolErrorCode: String {
        code.protocolErrorCode
    }

    /// `code: message`, for logs.
    public var description: String {
        "\(code): \(message)"
    }
}
