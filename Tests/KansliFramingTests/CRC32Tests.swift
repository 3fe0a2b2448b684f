import Testing
import KansliFraming
import KansliTestSupport

@Suite("CRC32")
struct CRC32Tests {
    @Test("the check value: CRC-32 of \"123456789\" is 0xCBF43926")
    func checkValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("the CRC-32 of no bytes is 0")
    func emptyIsZero() {
        #expect(CRC32.checksum([]) == 0)
        var crc = CRC32()
        crc.update([])
        #expect(crc.value == 0)
    }

    @Test("known vectors match zlib.crc32 in Python")
    func knownVectors() {
        #expect(CRC32.checksum([0x09, 0x01, 0x00]) == 0xE98B_D3DC)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("feeding pieces, empty ones included, gives the one-shot checksum")
    func incrementalMatchesOneShot() {
        var generator = SeededGenerator(seed: 32)
        let data = generator.bytes(10_000)
        var crc = CRC32()
        var offset = 0
        for size in [0, 1, 7, 0, 4096, 3, 5893] {
            crc.update(Array(data[offset..<(offset + size)]))
            offset += size
        }
        #expect(offset == data.count)
        #expect(crc.value == CRC32.checksum(data))
    }

    @Test("an empty update after data does not reset the checksum")
    func emptyUpdateKeepsValue() {
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        crc.update([])
        #expect(crc.value == 0xCBF4_3926)
    }
}
