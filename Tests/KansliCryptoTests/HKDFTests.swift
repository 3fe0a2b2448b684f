import KansliCrypto
import Testing

@Suite("HKDF-SHA256 (RFC 5869)")
struct HKDFTests {
    @Test("RFC 5869 test case 1 (basic): PRK and OKM match")
    func rfc5869Case1() {
        let ikm = [UInt8](repeating: 0x0b, count: 22)
        let salt = bytes(hex: "000102030405060708090a0b0c")
        let info = bytes(hex: "f0f1f2f3f4f5f6f7f8f9")
        let prk = HKDF.extract(salt: salt, ikm: ikm)
        #expect(Hex.encode(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let okm = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        #expect(Hex.encode(HKDF.expand(pseudorandomKey: prk, info: info, count: 42)) == okm)
        #expect(Hex.encode(HKDF.deriveKey(ikm: ikm, salt: salt, info: info, count: 42)) == okm)
    }

    @Test("RFC 5869 test case 2 (80-byte inputs, 82-byte output): PRK and OKM match")
    func rfc5869Case2() {
        let ikm = Array(UInt8(0x00)...UInt8(0x4f))
        let salt = Array(UInt8(0x60)...UInt8(0xaf))
        let info = Array(UInt8(0xb0)...UInt8(0xff))
        let prk = HKDF.extract(salt: salt, ikm: ikm)
        #expect(Hex.encode(prk) == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244")
        let okm = "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
            + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
            + "cc30c58179ec3e87c14c01d5c1f3434f1d87"
        #expect(Hex.encode(HKDF.deriveKey(ikm: ikm, salt: salt, info: info, count: 82)) == okm)
    }

    @Test("RFC 5869 test case 3 (empty salt and info): PRK and OKM match")
    func rfc5869Case3() {
        let ikm = [UInt8](repeating: 0x0b, count: 22)
        #expect(Hex.encode(HKDF.extract(salt: [], ikm: ikm))
                == "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04")
        #expect(Hex.encode(HKDF.deriveKey(ikm: ikm, count: 42))
                == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    @Test("An empty salt is the same as 32 zero bytes")
    func emptySaltIsHashLengthZeros() {
        let ikm = Array("input keying material".utf8)
        #expect(HKDF.extract(salt: [], ikm: ikm) == HKDF.extract(salt: [UInt8](repeating: 0, count: 32), ikm: ikm))
    }

    @Test("Output lengths 0…8160: shorter outputs are prefixes of longer ones, and the maximum works")
    func outputLengths() {
        let ikm = Array("ikm".utf8)
        let longest = HKDF.deriveKey(ikm: ikm, salt: [1, 2, 3], info: [4], count: HKDF.maximumOutputByteCount)
        #expect(longest.count == 8160)
        for count in [0, 1, 31, 32, 33, 64, 100, 1000] {
            #expect(HKDF.deriveKey(ikm: ikm, salt: [1, 2, 3], info: [4], count: count) == Array(longest.prefix(count)))
        }
    }
}
