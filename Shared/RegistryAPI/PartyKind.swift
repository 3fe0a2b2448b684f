/// What kind of body a party of a committee is.
public enum PartyKind: String, RegistryEnumeration, Sendable {
    /// A municipality (*kommun*), e.g. Luleå kommun.
    case kommun
    /// A region (formerly *landsting*), e.g. Region Jämtland Härjedalen.
    case region
}
