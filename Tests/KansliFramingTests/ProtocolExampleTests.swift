import Foundation
import Testing
import KansliFraming

/// Keeps the worked examples in the protocol spec true: the bytes in the spec are the bytes the
/// writer produces and the parser reads, and every annotated field is at the offset it claims.
/// The spec is read from docs/PROTOCOL.md (§2).
@Suite("Protocol spec examples")
struct ProtocolExampleTests {
    /// The `health` request of the spec's first worked example.
    static let healthRequest = bytes(hex: """
        4b 4e 53 4c 02 01 00 00 00 00 00 07 00 01 00 00
        00 00 00 03 e9 8b d3 dc 00 00 00 00 00 00 00 00
        00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        00 00 00 00 00 00 00 00 09 01 00
        """)

    /// The HMAC-SHA256 of the MAC example's input (sequence 0) under key 00…1f, computed with
    /// Python's `hmac`.
    /// Framing has no crypto; the transport's tests check this value against its own HMAC.
    static let exampleHMAC = bytes(hex: """
        d4 02 30 b1 3c 8e ab 55 ed 34 98 61 dc e1 7a eb 43 f3 58 b4 04 5e ae 29 b2 c0 db a0 9d d1 cc 94
        """)

    static func encodeHealthRequest() throws -> [UInt8] {
        try FrameWriter.encode(kind: .request, requestID: 7, method: 0x0001, payload: [0x09, 0x01, 0x00])
    }

    @Test("the writer produces the spec's health request byte for byte")
    func writerProducesExample() throws {
        #expect(hex(try Self.encodeHealthRequest()) == hex(Self.healthRequest))
    }

    @Test("the parser reads the spec's health request as described")
    func parserReadsExample() throws {
        let frame = try #require(try parse(Self.healthRequest).first)
        #expect(frame.kind == .request)
        #expect(frame.flags == [])
        #expect(frame.requestID == 7)
        #expect(frame.method == 1)
        #expect(!frame.hasIdempotencyKey)
        #expect(frame.mac == FrameHeader.zeroField)
        #expect(frame.payload == [0x09, 0x01, 0x00])
        #expect(frame.header.checksum == 0xE98B_D3DC)
    }

    @Test("the spec's hex dump is the encoded frame")
    func specHexDump() throws {
        let section = try Self.specSection("health-request")
        #expect(hex(try Self.hexBlock(in: section)) == hex(try Self.encodeHealthRequest()))
    }

    @Test("the spec's annotation table covers every byte, each at its offset")
    func specAnnotationTable() throws {
        let frame = try Self.encodeHealthRequest()
        let rows = try Self.tableRows(in: try Self.specSection("health-request"))
        var expectedOffset = 0
        for row in rows {
            #expect(row.offset == expectedOffset, "row \(row.field)")
            #expect(row.bytes.count == row.length, "row \(row.field)")
            let end = min(row.offset + row.length, frame.count)
            #expect(hex(Array(frame[min(row.offset, end)..<end])) == hex(row.bytes), "row \(row.field)")
            expectedOffset = row.offset + row.length
        }
        #expect(expectedOffset == frame.count)
    }

    @Test("the spec's MAC example: input bytes, flag set first, and the frame on the wire")
    func specMACExample() throws {
        let macInput = try Self.hexBlock(in: try Self.specSection("health-request-mac-input"))
        let wire = try Self.hexBlock(in: try Self.specSection("health-request-mac"))
        let sequenceNumber: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0]

        var frame = try Self.encodeHealthRequest()
        FrameWriter.authenticate(&frame) { header, payload in
            #expect(hex(sequenceNumber + Array(header) + Array(payload)) == hex(macInput))
            return Self.exampleHMAC
        }
        #expect(hex(frame) == hex(wire))

        let parsed = try #require(try parse(wire).first)
        #expect(parsed.flags == .mac)
        #expect(hex(sequenceNumber + parsed.macInput) == hex(macInput))
        #expect(parsed.mac == Array(Self.exampleHMAC.prefix(16)))
    }

    // MARK: Reading the spec

    struct SpecError: Error, CustomStringConvertible {
        var description: String
    }

    /// The text between `<!-- example:NAME …-->` and `<!-- /example:NAME -->`.
    static func specSection(_ name: String) throws -> String {
        let text = try specText()
        guard let open = text.range(of: "<!-- example:\(name) "),
              let close = text.range(of: "<!-- /example:\(name) -->", range: open.upperBound..<text.endIndex)
        else {
            throw SpecError(description: "The spec has no example section '\(name)'.")
        }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// The bytes of the first ```text block in `section`.
    static func hexBlock(in section: String) throws -> [UInt8] {
        guard let open = section.range(of: "```text\n"),
              let close = section.range(of: "```", range: open.upperBound..<section.endIndex)
        else {
            throw SpecError(description: "No ```text block in the example section.")
        }
        return bytes(hex: String(section[open.upperBound..<close.lowerBound]))
    }

    /// Rows `| offset | length | bytes | field |` of the annotation table in `section`.
    static func tableRows(in section: String) throws -> [(offset: Int, length: Int, bytes: [UInt8], field: String)] {
        var rows: [(offset: Int, length: Int, bytes: [UInt8], field: String)] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let offset = Int(cells[0]), let length = Int(cells[1]) else { continue }
            rows.append((offset, length, bytes(hex: cells[2]), cells[3]))
        }
        guard !rows.isEmpty else { throw SpecError(description: "No annotation table in the example section.") }
        return rows
    }

    /// The spec: docs/PROTOCOL.md.
    static func specText() throws -> String {
        // This file is Tests/KansliFramingTests/ProtocolExampleTests.swift (symlinks resolved, so a
        // scratch package that links the test folder finds the repository too).
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["docs/PROTOCOL.md"] {
            let url = root.appendingPathComponent(name)
            if let text = try? String(contentsOf: url, encoding: .utf8), text.contains("<!-- example:health-request ") {
                return text
            }
        }
        throw SpecError(description: "docs/PROTOCOL.md under \(root.path) does not have the frame examples.")
    }
}
