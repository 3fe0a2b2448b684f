import KansliCrypto
import Testing
import KansliTestSupport

@Suite("Oracle: python3 hashlib/hmac")
struct PythonOracleTests {
    @Test("SHA-256, HMAC-SHA256 and HKDF agree with python3 on 600 seeded random inputs, on every backend this CPU has",
          .enabled(if: PythonOracle.executablePath != nil,
                   "python3 is not on PATH: the comparison with hashlib/hmac is skipped"))
    func agreesWithPython() throws {
        var random = SeededGenerator(seed: 20_260_101)
        var cases: [PythonOracle.Case] = []
        // Every length 0…300 (all padding cases), then random lengths and key sizes.
        for length in 0...300 {
            cases.append(.init(key: random.bytes(length % 80), message: random.bytes(length),
                               hkdfCount: 1 + length % 100))
        }
        for _ in 0..<300 {
            let keyLength = [0, 1, 32, 63, 64, 65, 100, 200][Int.random(in: 0..<8, using: &random)]
            cases.append(.init(key: random.bytes(keyLength),
                               message: random.bytes(Int.random(in: 0...70_000, using: &random)),
                               hkdfCount: Int.random(in: 0...HKDF.maximumOutputByteCount, using: &random)))
        }

        let answers = try PythonOracle.answers(for: cases)
        try #require(answers.count == cases.count)
        for (index, (item, answer)) in zip(cases, answers).enumerated() {
            for backend in SHA256Conformance.availableBackends {
                var hasher = SHA256(backend: backend)
                hasher.update(item.message)
                var mac = HMACSHA256(key: item.key, backend: backend)
                mac.update(item.message)
                #expect(Hex.encode(hasher.finalize()) == answer.sha256,
                        "SHA-256, case \(index), \(item.message.count) bytes, \(backend)")
                #expect(Hex.encode(mac.finalize()) == answer.hmac,
                        "HMAC, case \(index), key \(item.key.count) bytes, \(backend)")
            }
            let okm = HKDF.deriveKey(ikm: item.message, salt: item.key, info: PythonOracle.hkdfInfo,
                                     count: item.hkdfCount)
            #expect(Hex.encode(okm) == answer.hkdf, "HKDF, case \(index), \(item.hkdfCount) bytes")
        }
    }
}
