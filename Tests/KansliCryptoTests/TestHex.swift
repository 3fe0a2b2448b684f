import KansliCrypto
import Testing

/// Test-vector helper: the bytes a hex literal spells; records an issue and returns [] if the
/// literal itself is malformed.
func bytes(hex text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    guard let decoded = Hex.decode(text) else {
        Issue.record("malformed hex literal in a test: \(text)", sourceLocation: sourceLocation)
        return []
    }
    return decoded
}
