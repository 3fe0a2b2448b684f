/// The one structural fact of a signed HTML document a program relies on: the JSON data block
/// that carries what the document shows, in `<script type="application/json"
/// id="kansli-data">…</script>` (docs/PROTOCOL.md 6.6, "Rendering"). Every `<` inside it is
/// written `\u003c`, so the first `</script>` after the opening tag ends it.
public enum SignedHTML {
    /// The element that opens the data block, as the renderer writes it.
    public static let dataBlockOpening = "<script type=\"application/json\" id=\"kansli-data\">"

    /// The JSON of the data block in `bytes`, as written, or nil if there is none.
    public static func dataBlock(in bytes: [UInt8]) -> [UInt8]? {
        guard let start = bytes.firstRange(of: Array(dataBlockOpening.utf8)),
              let end = bytes[start.upperBound...].firstRange(of: Array("</script>".utf8)) else { return nil }
        return Array(bytes[start.upperBound..<end.lowerBound])
    }
}
