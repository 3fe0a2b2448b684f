/// HTML or plain text.
public enum RenderFormat: String, Codable, Sendable, CaseIterable {
    /// One self-contained HTML file.
    case html
    /// Plain UTF-8 text.
    case text
}
