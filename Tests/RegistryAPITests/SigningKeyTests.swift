import KansliProtocol
import Testing

@testable import RegistryAPI

@Suite("SigningKey")
struct SigningKeyTests {
    private let bytes = (0..<32).map { UInt8($0 * 7 & 0xFF) }

    @Test("The public key round-trips through hexadecimal; wrong lengths and non-hex text give no bytes")
    func publicKeyBytes() {
        let key = SigningKey(id: "k", person: "p", publicKey: SigningKey.hex(bytes), validFrom: CalendarDate("2022-01-01")!)
        #expect(key.publicKeyBytes == bytes)
        var short = key
        short.publicKey = String(key.publicKey.dropLast(2))
        #expect(short.publicKeyBytes == nil)
        var notHex = key
        notHex.publicKey = String(repeating: "zz", count: 32)
        #expect(notHex.publicKeyBytes == nil)
        var upper = key
        upper.publicKey = key.publicKey.uppercased()
        #expect(upper.publicKeyBytes == bytes)
    }

    @Test("A key is usable within its validity and not from the day it is revoked")
    func usability() {
        let key = SigningKey(id: "k", person: "p", publicKey: SigningKey.hex(bytes),
                             validFrom: CalendarDate("2022-01-01")!, validTo: CalendarDate("2022-12-31")!,
                             revokedOn: CalendarDate("2022-07-08")!, revocationReason: "lost")
        #expect(!key.isUsable(on: CalendarDate("2021-12-31")!))
        #expect(key.isUsable(on: CalendarDate("2022-07-07")!))
        #expect(!key.isUsable(on: CalendarDate("2022-07-08")!))
        #expect(!key.isUsable(on: CalendarDate("2023-01-01")!))
    }
}
