/// A rendered document before it is written out: headings, paragraphs, lists and tables, so the
/// HTML and the plain text say the same thing from one description (`HTMLWriter`, `TextWriter`).
indirect enum DocumentNode: Equatable {
    /// A heading of `level` (1–4) with an optional anchor id.
    case heading(Int, String, id: String?)
    /// A paragraph of text; line feeds inside it are kept as line breaks.
    case text(String)
    /// A bulleted list.
    case list([String])
    /// A table.
    case table(DocumentTable)
    /// A section (a paragraph of the minutes) whose nodes print on a new page.
    case section(id: String, [DocumentNode])
}

/// A table of a `DocumentNode`: column headers, and rows whose first cell may be a row header.
struct DocumentTable: Equatable {
    /// The table's caption, read out by screen readers and printed above it.
    var caption: String
    /// Column headers; empty for a table whose first column holds the row headers.
    var columns: [String]
    /// The rows.
    var rows: [[DocumentCell]]
    /// Whether each row's first cell heads the row (`<th scope="row">`).
    var rowHeaders: Bool = false
}

/// A table cell: text, optionally a link to an anchor of the same document.
struct DocumentCell: Equatable, ExpressibleByStringLiteral {
    var text: String
    var link: String?

    init(_ text: String, link: String? = nil) {
        self.text = text
        self.link = link
    }

    init(stringLiteral value: String) { self.init(value) }
}
