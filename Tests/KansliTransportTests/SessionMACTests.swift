import Testing
@testable import KansliTransport

@Suite("Frame MACs")
struct SessionMACTests {
    /// The worked example of docs/PROTOCOL.md ("the same request with a MAC"): key 00 01 … 1f,
    /// sequence 0, the `health` request with the MAC flag set.
    @Test("the MAC of the protocol document's worked example is d40230b1…")
    func documentedExample() {
        var mac = SessionMAC(key: (0..<32).map { UInt8($0) })
        let header: [UInt8] = [0x4b, 0x4e, 0x53, 0x4c, 0x02, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x01, 0x00, 0x00,
                               0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 16)
        let payload: [UInt8] = [0x09, 0x01, 0x00]
        let tag = header.withUnsafeBytes { h in payload.withUnsafeBytes { p in mac.next(headerPrefix: h, payload: p) } }
        #expect(tag == [0xd4, 0x02, 0x30, 0xb1, 0x3c, 0x8e, 0xab, 0x55, 0xed, 0x34, 0x98, 0x61, 0xdc, 0xe1, 0x7a, 0xeb])
        #expect(mac.sequence == 1)
    }

    @Test("the same frame gets a different MAC at the next sequence number")
    func sequenceChangesTheMAC() {
        var mac = SessionMAC(key: [UInt8](repeating: 7, count: 32))
        let header = [UInt8](repeating: 1, count: 40), payload: [UInt8] = [1, 2, 3]
        let first = header.withUnsafeBytes { h in payload.withUnsafeBytes { p in mac.next(headerPrefix: h, payload: p) } }
        let second = header.withUnsafeBytes { h in payload.withUnsafeBytes { p in mac.next(headerPrefix: h, payload: p) } }
        #expect(first != second)
        #expect(first.count == 16)
    }
}
