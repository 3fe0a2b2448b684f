/// A problem found while reading bytes, before the coding path is known.
///
/// The low-level readers of `DecodingState` throw this (typed, so nothing is boxed); the container
/// that asked for the value attaches its coding path with `error(at:)` and throws the public
/// `BinaryCodingError`.
struct WireFault: Error {
    /// What kind of problem.
    let code: BinaryCodingError.Code
    /// What is wrong, in words.
    let message: String
    /// Where in the input.
    let offset: Int
    /// The offending value, when the fault is about a well-formed value (see
    /// `BinaryCodingError.offendingValue`).
    var value: String? = nil

    /// The public error for this fault at the given coding path.
    func error(at path: [CodingPathElement]) -> BinaryCodingError {
        BinaryCodingError(code: code, message: message, codingPath: path.map(\.component), byteOffset: offset,
                          offendingValue: value)
    }
}
