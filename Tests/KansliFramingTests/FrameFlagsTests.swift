import Testing
import KansliFraming

@Suite("FrameFlags")
struct FrameFlagsTests {
    @Test("compressed is 0x01 and mac is 0x02")
    func bits() {
        #expect(FrameFlags.compressed.rawValue == 0x01)
        #expect(FrameFlags.mac.rawValue == 0x02)
        #expect(FrameFlags.defined.rawValue == 0x03)
    }

    @Test("undefinedBits reports only bits the protocol does not define")
    func undefinedBits() {
        #expect(FrameFlags([.compressed, .mac]).undefinedBits == 0)
        #expect(FrameFlags(rawValue: 0x87).undefinedBits == 0x84)
    }

    @Test("description names the flags")
    func description() {
        #expect(FrameFlags([]).description == "[]")
        #expect(FrameFlags([.compressed, .mac]).description == "[compressed, mac]")
        #expect(FrameFlags(rawValue: 0x41).description == "[compressed, undefined 0x40]")
    }
}
