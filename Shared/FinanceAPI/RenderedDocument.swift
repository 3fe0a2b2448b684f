/// A document the finance service rendered: an invoice as text or HTML, a run as CSV.
public struct RenderedDocument: Hashable, Sendable, Codable {
    /// Its format.
    public var format: DocumentFormat
    /// Its media type (`text/html; charset=utf-8`).
    public var mediaType: String
    /// A file name to save it under (`faktura-12300001.html`).
    public var fileName: String
    /// The document itself (a CSV starts with the byte-order mark U+FEFF).
    public var content: String

    /// A document.
    public init(format: DocumentFormat, mediaType: String, fileName: String, content: String) {
        self.format = format
        self.mediaType = mediaType
        self.fileName = fileName
        self.content = content
    }
}
