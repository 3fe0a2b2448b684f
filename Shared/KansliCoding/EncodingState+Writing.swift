#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level writers: each appends one complete value (tag included) or one part of one.
extension EncodingState {
    /// Makes room for `count` more bytes.
    @inline(__always)
    func reserve(_ count: Int) {
        if capacity &- byteCount < count { grow(count) }
    }

    /// Grows the buffer to hold `count` more bytes, at least doubling it.
    func grow(_ count: Int) {
        let newCapacity = max(capacity &* 2, byteCount &+ count)
        guard let memory = realloc(storage, newCapacity) else { fatalError("out of memory") }
        storage = memory
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage.storeBytes(of: byte, toByteOffset: byteCount, as: UInt8.self)
        byteCount &+= 1
    }

    /// Appends `count` bytes from `source`.
    @inline(__always)
    func append(_ source: UnsafeRawPointer, count: Int) {
        reserve(count)
        (storage + byteCount).copyMemory(from: source, byteCount: count)
        byteCount &+= count
    }

    /// Stores a varint at `byteCount` and advances; the caller has reserved 10 bytes.
    @inline(__always)
    func storeVarint(_ value: UInt64) {
        var rest = value
        var position = byteCount
        while rest >= 0x80 {
            storage.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: position, as: UInt8.self)
            rest &>>= 7
            position &+= 1
        }
        storage.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: position, as: UInt8.self)
        byteCount = position &+ 1
    }

    /// Appends a varint (minimal LEB128).
    @inline(__always)
    func writeVarint(_ value: UInt64) {
        reserve(Varint.maxByteCount)
        storeVarint(value)
    }

    /// Appends `nil` (0x00).
    @inline(__always)
    func writeNil() {
        append(WireTag.null)
    }

    /// Appends a Boolean (0x01 / 0x02).
    @inline(__always)
    func writeBool(_ value: Bool) {
        append(value ? WireTag.true : WireTag.false)
    }

    /// Appends a signed integer (0x03, zigzag varint).
    @inline(__always)
    func writeSigned(_ value: Int64) {
        writeTaggedVarint(WireTag.signed, Varint.zigzag(value))
    }

    /// Appends an unsigned integer (0x04, varint).
    @inline(__always)
    func writeUnsigned(_ value: UInt64) {
        writeTaggedVarint(WireTag.unsigned, value)
    }

    /// Appends a tag and a varint.
    @inline(__always)
    func writeTaggedVarint(_ tag: UInt8, _ value: UInt64) {
        reserve(1 &+ Varint.maxByteCount)
        storage.storeBytes(of: tag, toByteOffset: byteCount, as: UInt8.self)
        byteCount &+= 1
        storeVarint(value)
    }

    /// Appends a float64 (0x05). Every NaN is written as the one quiet NaN 0x7FF8000000000000, so
    /// that the bytes do not depend on a NaN's payload.
    @inline(__always)
    func writeDouble(_ value: Double) {
        writeFixed64(tag: WireTag.float64, bits: value.isNaN ? 0x7FF8_0000_0000_0000 : value.bitPattern)
    }

    /// Appends a tag and 8 bytes little-endian.
    @inline(__always)
    func writeFixed64(tag: UInt8, bits: UInt64) {
        reserve(9)
        storage.storeBytes(of: tag, toByteOffset: byteCount, as: UInt8.self)
        storage.storeBytes(of: bits.littleEndian, toByteOffset: byteCount &+ 1, as: UInt64.self)
        byteCount &+= 9
    }

    /// Appends a string (0x06).
    @inline(__always)
    func writeString(_ value: String) {
        append(WireTag.string)
        writeStringBody(value)
    }

    /// Appends the varint byte count and the UTF-8 bytes of `value` (a string's body, or a map key).
    @inline(__always)
    func writeStringBody(_ value: String) {
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
            writeLengthPrefixed(UnsafeRawPointer(utf8.baseAddress), count: utf8.count)
        }
        if written == nil { writeNonContiguousStringBody(value) }
    }

    /// `writeStringBody(_:)` for a string whose UTF-8 is not stored contiguously (bridged strings).
    func writeNonContiguousStringBody(_ value: String) {
        var copy = value
        copy.makeContiguousUTF8()
        copy.withUTF8 { utf8 in
            writeLengthPrefixed(UnsafeRawPointer(utf8.baseAddress), count: utf8.count)
        }
    }

    /// Appends a varint `count` and `count` bytes from `source` (which may be nil when `count` is 0).
    @inline(__always)
    func writeLengthPrefixed(_ source: UnsafeRawPointer?, count: Int) {
        reserve(Varint.maxByteCount &+ count)
        storeVarint(UInt64(count))
        if let source, count > 0 {
            copyBytes(from: source, count: count)
        }
    }

    /// Copies `count` bytes from `source` to the end of the output, which has room for them. Keys and
    /// most strings are short, and a `memcpy` call costs more than the copy below 17 bytes.
    @inline(__always)
    func copyBytes(from source: UnsafeRawPointer, count: Int) {
        let destination = storage + byteCount
        if count >= 8 && count <= 16 {
            // Two 8-byte words, overlapping when count < 16, cover the bytes exactly.
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count < 8 {
            var index = 0
            while index < count {
                destination.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
                index &+= 1
            }
        } else {
            destination.copyMemory(from: source, byteCount: count)
        }
        byteCount &+= count
    }

    /// Appends raw bytes (0x07).
    @inline(__always)
    func writeBytes(_ value: UnsafeRawBufferPointer) {
        append(WireTag.bytes)
        writeLengthPrefixed(value.baseAddress, count: value.count)
    }

    /// Appends an array or map tag and the two placeholder bytes; returns where the placeholders are.
    @inline(__always)
    func openContainer(tag: UInt8) -> Int {
        reserve(3)
        storage.storeBytes(of: tag, toByteOffset: byteCount, as: UInt8.self)
        let headerOffset = byteCount &+ 1
        byteCount &+= 3
        return headerOffset
    }

    /// Appends an empty map: tag, byte count 1, entry count 0.
    func writeEmptyMapBytes() {
        reserve(3)
        storage.storeBytes(of: WireTag.map, toByteOffset: byteCount, as: UInt8.self)
        storage.storeBytes(of: 1, toByteOffset: byteCount &+ 1, as: UInt8.self)
        storage.storeBytes(of: 0, toByteOffset: byteCount &+ 2, as: UInt8.self)
        byteCount &+= 3
    }

    /// Fills in the header of the container whose placeholders are at `headerOffset` and whose body
    /// runs to the end of the output: the varint byte count of the rest (element count included)
    /// and the varint element count. If they need more than the two placeholder bytes, the body is
    /// moved up to make room.
    func closeContainer(headerOffset: Int, count: Int) {
        let bodyStart = headerOffset &+ 2
        let bodyLength = byteCount &- bodyStart
        let countLength = Varint.byteCount(UInt64(count))
        let rest = countLength &+ bodyLength
        let restLength = Varint.byteCount(UInt64(rest))
        let extra = restLength &+ countLength &- 2
        if extra == 0 {
            storage.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: headerOffset, as: UInt8.self)
            storage.storeBytes(of: UInt8(truncatingIfNeeded: count), toByteOffset: headerOffset &+ 1, as: UInt8.self)
            return
        }
        reserve(extra)
        memmove(storage + bodyStart + extra, storage + bodyStart, bodyLength)
        let end = byteCount &+ extra
        byteCount = headerOffset
        storeVarint(UInt64(rest))
        storeVarint(UInt64(count))
        byteCount = end
    }
}
