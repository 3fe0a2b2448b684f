import KansliProtocol

/// A rendered document: deterministic for the same content and renderer version.
public struct RenderedDocument: Codable, Sendable, Equatable {
    /// Which document.
    public var document: DocumentKind
    /// HTML or plain text.
    public var format: RenderFormat
    /// A file name for it, e.g. `NBE-2022-06-22-protokoll-r1.html`.
    public var fileName: String
    /// The protocol revision it renders.
    public var revision: Int
    /// The renderer's version: the same content and version give the same bytes.
    public var renderer: Int
    /// The document.
    public var text: String
    /// The SHA-256 of its UTF-8 bytes, 64 upper-case hexadecimal digits.
    public var sha256: String

    /// A `RenderedDocument`.
    public init(document: DocumentKind, format: RenderFormat, fileName: String, revision: Int, renderer: Int, text: String, sha256: String) {
        self.document = document
        self.format = format
        self.fileName = fileName
        self.revision = revision
        self.renderer = renderer
        self.text = text
        self.sha256 = sha256
    }
}
