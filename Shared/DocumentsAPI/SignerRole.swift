/// The role a signer signs for.
public enum SignerRole: String, Codable, Sendable, CaseIterable {
    /// The secretary.
    case secretary
    /// The chair of one or more paragraphs.
    case chair
    /// An elected justerare.
    case justerare
}
