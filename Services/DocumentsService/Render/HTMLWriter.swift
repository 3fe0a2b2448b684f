import KansliSigning
import KansliPlatform

/// Writes `DocumentNode`s as one self-contained HTML file in Swedish: `lang="sv"`, a viewport
/// for phones, print rules for A4, headings in the order the nodes give, tables with headers and
/// captions, colours with a contrast above WCAG 2.1 AA's 4.5:1, and the structured content it
/// was rendered from as a JSON data block. Deterministic: the same nodes and data give the same
/// bytes.
enum HTMLWriter {
    /// Black on white (21:1), links #0b4f9c on white (8.1:1), rules #767676 (4.5:1).
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#111;\
        background:#fff;margin:0 auto;max-width:50rem;padding:1rem}\
        h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}h4{font-size:1rem}\
        table{border-collapse:collapse;width:100%;margin:0 0 1rem}\
        caption{text-align:left;font-weight:bold;padding:.25rem 0}\
        th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #767676;overflow-wrap:anywhere}\
        a{color:#0b4f9c}\
        @media print{@page{size:A4;margin:2cm}body{max-width:none;padding:0;font-size:11pt}\
        section.paragraf{break-before:page}a{color:#111;text-decoration:none}}
        """

    static func document(title: String, nodes: [DocumentNode], data: [UInt8]) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n<main>\n"
        for node in nodes { write(node, to: &out) }
        out += "</main>\n\(SignedHTML.dataBlockOpening)\(scriptSafe(data))</script>\n</body>\n</html>\n"
        return out
    }

    /// JSON text safe inside a `<script>` element: every `<` (so every `</` and `<!--`) is
    /// written as the JSON escape `\u003c`, which only occurs inside JSON strings.
    static func scriptSafe(_ json: [UInt8]) -> String {
        String(decoding: json, as: UTF8.self).replacingAll("<", with: "\\u003c")
    }

    static func escape(_ text: String) -> String { text.htmlEscaped }

    static func write(_ node: DocumentNode, to out: inout String) {
        switch node {
        case let .heading(level, text, id):
            out += "<h\(level)\(id.map { " id=\"\(escape($0))\"" } ?? "")>\(escape(text))</h\(level)>\n"
        case let .text(text):
            out += "<p>\(escape(text).replacingAll("\n", with: "<br>\n"))</p>\n"
        case let .list(items):
            out += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        case let .table(table):
            out += "<table>\n<caption>\(escape(table.caption))</caption>\n"
            if !table.columns.isEmpty {
                out += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n"
            }
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (index, cell) in row.enumerated() {
                    let content = cell.link.map { "<a href=\"#\(escape($0))\">\(escape(cell.text))</a>" } ?? escape(cell.text)
                    if index == 0, table.rowHeaders {
                        out += "<th scope=\"row\">\(content)</th>"
                    } else {
                        out += "<td>\(content.replacingAll("\n", with: "<br>"))</td>"
                    }
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        case let .section(id, nodes):
            out += "<section class=\"paragraf\" id=\"\(escape(id))\">\n"
            for node in nodes { write(node, to: &out) }
            out += "</section>\n"
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation in the services).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
