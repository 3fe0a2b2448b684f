/// The single-value container of `JSONTreeEncoder`: one scalar, written once.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func set(_ child: JSONNode) {
        guard case .empty = node.content else {
            preconditionFailure("KansliPlatform.JSONWriter: \(JSONTreeEncoder.path(codingPath)) encoded a second value into one single-value container")
        }
        node.content = child.content
    }

    private func scalar(_ bytes: [UInt8]) { set(JSONNode(scalar: bytes)) }

    mutating func encodeNil() throws { scalar(JSONText.null) }
    mutating func encode(_ value: Bool) throws { scalar(value ? JSONText.true : JSONText.false) }
    mutating func encode(_ value: String) throws { scalar(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { set(try JSONTreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { set(try JSONTreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int8) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int16) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int32) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int64) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt8) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt16) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt32) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt64) throws { scalar(JSONText.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { scalar(JSONText.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { scalar(JSONText.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        set(try JSONTreeEncoder.node(for: value, codingPath: codingPath))
    }
}
