/// Free text as the requests carry it, taken apart into what a document shows: blank lines
/// separate paragraphs, lines that start with `- ` are list items.
enum TextBlocks {
    static func nodes(_ text: String) -> [DocumentNode] {
        var nodes: [DocumentNode] = []
        var lines: [String] = []
        var items: [String] = []
        func flush() {
            if !lines.isEmpty { nodes.append(.text(lines.joined(separator: "\n"))) }
            if !items.isEmpty { nodes.append(.list(items)) }
            lines = []
            items = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("- ") || line.hasPrefix("• ") {
                if !lines.isEmpty {
                    nodes.append(.text(lines.joined(separator: "\n")))
                    lines = []
                }
                items.append(String(line.dropFirst(2)))
            } else {
                if !items.isEmpty {
                    nodes.append(.list(items))
                    items = []
                }
                lines.append(line)
            }
        }
        flush()
        return nodes
    }
}
