import Testing
import KansliFraming

@Suite("FrameKind")
struct FrameKindTests {
    @Test("raw values are the wire values in the spec")
    func rawValues() {
        #expect(FrameKind.allCases.map(\.rawValue) == [1, 2, 3, 16, 17, 18, 19])
        #expect(FrameKind(rawValue: 0) == nil)
        #expect(FrameKind(rawValue: 4) == nil)
    }

    @Test("hello, challenge, authenticate and welcome are the handshake kinds")
    func handshakeKinds() {
        #expect(FrameKind.allCases.filter(\.isHandshake) == [.hello, .challenge, .authenticate, .welcome])
    }

    @Test("descriptions are the lowercase names")
    func descriptions() {
        #expect(FrameKind.allCases.map(\.description)
            == ["request", "response", "error", "hello", "challenge", "authenticate", "welcome"])
    }
}
