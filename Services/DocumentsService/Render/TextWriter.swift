/// Writes `DocumentNode`s as plain UTF-8 text laid out like seed 002: headings of levels 1–2 (but a paragraph's) in
/// capitals, tables as aligned columns, list items with `- `. Deterministic.
enum TextWriter {
    static func document(nodes: [DocumentNode]) -> String {
        var out = ""
        for node in nodes { write(node, to: &out) }
        return out
    }

    static func write(_ node: DocumentNode, to out: inout String) {
        switch node {
        case let .heading(level, text, _):
            out += (level <= 2 && !text.hasPrefix("§") ? text.uppercased() : text) + "\n\n"
        case let .text(text):
            out += text + "\n\n"
        case let .list(items):
            out += items.map { "- \($0)\n" }.joined() + "\n"
        case let .table(table):
            var rows = table.rows.map { $0.map { $0.text.replacingAll("\n", with: " ") } }
            if !table.columns.isEmpty { rows.insert(table.columns, at: 0) }
            let width = rows.map(\.count).max() ?? 0
            var widths = Array(repeating: 0, count: width)
            for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
            for row in rows {
                var line = ""
                for (index, cell) in row.enumerated() {
                    line += cell
                    if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
                }
                out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            }
            out += "\n"
        case let .section(_, nodes):
            out += "\n"
            for node in nodes { write(node, to: &out) }
        }
    }
}
