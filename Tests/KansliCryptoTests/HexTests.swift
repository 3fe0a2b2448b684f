import KansliCrypto
import Testing

@Suite("Hex")
struct HexTests {
    @Test("Encodes lowercase by default and uppercase on request")
    func encode() {
        #expect(Hex.encode([]) == "")
        #expect(Hex.encode([0x00, 0xab, 0x01, 0xff]) == "00ab01ff")
        #expect(Hex.encode([0x00, 0xab, 0x01, 0xff], uppercase: true) == "00AB01FF")
    }

    @Test("Decodes either case and round-trips all 256 byte values")
    func decodeRoundTrip() {
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("00aB01Ff") == [0x00, 0xab, 0x01, 0xff])
        let all = Array(UInt8.min...UInt8.max)
        #expect(Hex.decode(Hex.encode(all)) == all)
        #expect(Hex.decode(Hex.encode(all, uppercase: true)) == all)
    }

    @Test("Rejects odd lengths, non-hex characters, spaces, a 0x prefix and non-ASCII text",
          arguments: ["a", "abc", "0g", "zz", "ab cd", "0x00", " 00", "00\n", "é", "ａｂ"])
    func rejectsMalformedText(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
