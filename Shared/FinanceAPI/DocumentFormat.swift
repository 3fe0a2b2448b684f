/// The forms the finance service renders a document in.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    /// Swedish plain text (UTF-8).
    case text
    /// A self-contained HTML page (`lang="sv"`, styles inline, nothing fetched).
    case html
    /// Semicolon-separated values with decimal commas, UTF-8 with a byte-order mark, as a Swedish
    /// spreadsheet opens them.
    case csv
}
