/// One value of the JSON tree a `JSONWriter` builds: a reference, so that a container handed to
/// an `encode(to:)` can fill it after it was put in its parent.
final class JSONNode {
    enum Content {
        /// Nothing encoded yet; written as `{}`.
        case empty
        /// A finished literal, number or escaped string.
        case scalar([UInt8])
        case array([JSONNode])
        case object([String: JSONNode])
    }

    var content: Content = .empty

    init() {}

    init(scalar bytes: [UInt8]) {
        content = .scalar(bytes)
    }

    // MARK: Writing

    func write(to output: inout [UInt8], layout: JSONWriter.Layout, depth: Int) {
        switch content {
        case .empty:
            output += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        case .scalar(let bytes):
            output += bytes
        case .array(let elements):
            guard !elements.isEmpty else { output += [UInt8(ascii: "["), UInt8(ascii: "]")]; return }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONNode.newline(&output, layout, depth + 1)
                element.write(to: &output, layout: layout, depth: depth + 1)
            }
            JSONNode.newline(&output, layout, depth)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += [UInt8(ascii: "{"), UInt8(ascii: "}")]; return }
            output.append(UInt8(ascii: "{"))
            // Code-point order, as Python's sort_keys: UTF-8 byte order is code-point order.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONNode.newline(&output, layout, depth + 1)
                JSONText.appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if layout == .pretty { output.append(UInt8(ascii: " ")) }
                members[key]!.write(to: &output, layout: layout, depth: depth + 1)
            }
            JSONNode.newline(&output, layout, depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ layout: JSONWriter.Layout, _ depth: Int) {
        guard layout == .pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: 2 * depth)
    }
}
