/// Renders rows as aligned columns for the terminal.
public struct TextTable {
    private var rows: [[String]] = []
    private let header: [String]

    public init(_ header: [String]) {
        self.header = header
    }

    public mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines: header, a rule, then the rows, columns separated by two spaces.
    public func render() -> String {
        let all = [header] + rows
        let columnCount = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func format(_ row: [String]) -> String {
            var line = ""
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return line
        }
        let rule = widths.enumerated().map { index, width in
            String(repeating: "-", count: width) + (index == widths.count - 1 ? "" : "  ")
        }.joined()
        return ([format(header), rule] + rows.map(format)).joined(separator: "\n")
    }
}
