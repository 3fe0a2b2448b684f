/// The byte-level readers. Each throws a `WireFault` (typed, nothing boxed) that the calling
/// container turns into a `BinaryCodingError` with its coding path.
extension DecodingState {
    /// The byte at `offset`.
    @inline(__always)
    func byte(at offset: Int) throws(WireFault) -> UInt8 {
        guard UInt(bitPattern: offset) < UInt(bitPattern: count) else {
            throw WireFault(code: .truncated, message: "the input ends where a value should start", offset: offset)
        }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// Reads a varint at `offset`, which it advances, not reading at or past `end`.
    @inline(__always)
    func varint(at offset: inout Int, end: Int) throws(WireFault) -> UInt64 {
        let position = offset
        if position < end && position < count {
            let first = base.load(fromByteOffset: position, as: UInt8.self)
            if first < 0x80 {
                offset = position &+ 1
                return UInt64(first)
            }
        }
        return try longVarint(at: &offset, end: end)
    }

    /// `varint(at:end:)` for varints of two bytes or more, and for every error.
    func longVarint(at offset: inout Int, end: Int) throws(WireFault) -> UInt64 {
        let limit = min(end, count)
        var position = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < limit else {
                throw WireFault(code: .truncated, message: "the input (or its container) ends inside a varint", offset: offset)
            }
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            position &+= 1
            if shift == 63 && byte > 1 {
                throw WireFault(code: .invalidVarint, message: "varint does not fit in 64 bits", offset: offset)
            }
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 {
                if byte == 0 && shift > 0 {
                    throw WireFault(code: .invalidVarint,
                                    message: "varint is not in minimal form (its last byte is zero)", offset: offset)
                }
                offset = position
                return result
            }
            shift &+= 7
        }
    }

    /// Reads a varint length at `offset` (advanced past it) and checks that that many bytes remain
    /// before `end`.
    @inline(__always)
    func length(at offset: inout Int, end: Int, of what: StaticString) throws(WireFault) -> Int {
        let start = offset
        let value = try varint(at: &offset, end: end)
        let available = min(end, count) &- offset
        guard value <= UInt64(available) else {
            throw WireFault(code: .lengthOutOfBounds,
                            message: "\(what) claims \(value) bytes but only \(available) remain", offset: start)
        }
        return Int(truncatingIfNeeded: value)
    }

    /// `skipValue(at:end:)` with the common one-byte-header cases inline: fixed-width values,
    /// one-byte varints and lengths below 128.
    @inline(__always)
    func quickSkipValue(at offset: Int, end: Int) throws(WireFault) -> Int {
        let limit = min(end, count)
        if offset &+ 1 < limit {
            let tag = base.load(fromByteOffset: offset, as: UInt8.self)
            let next = base.load(fromByteOffset: offset &+ 1, as: UInt8.self)
            let skipped: Int
            switch tag {
            case WireTag.null, WireTag.false, WireTag.true: skipped = 1
            case WireTag.signed, WireTag.unsigned: skipped = next < 0x80 ? 2 : 0
            case WireTag.float64: skipped = 9
            case WireTag.string, WireTag.bytes, WireTag.array, WireTag.map: skipped = next < 0x80 ? 2 &+ Int(next) : 0
            default: skipped = 0
            }
            if skipped > 0 && skipped <= limit &- offset { return offset &+ skipped }
        }
        return try skipValue(at: offset, end: end)
    }

    /// The offset just past the value that starts at `offset`, which must end at or before `end`.
    /// O(1) for every value: strings, bytes, arrays and maps carry their byte count.
    func skipValue(at offset: Int, end: Int) throws(WireFault) -> Int {
        guard offset < end else {
            throw WireFault(code: .truncated, message: "the input (or its container) ends where a value should start",
                            offset: offset)
        }
        let tag = try byte(at: offset)
        var position = offset &+ 1
        switch tag {
        case WireTag.null, WireTag.false, WireTag.true:
            return position
        case WireTag.signed, WireTag.unsigned:
            _ = try varint(at: &position, end: end)
            return position
        case WireTag.float64:
            return try fixedWidth(8, at: position, end: end, of: tag)
        case WireTag.string:
            let length = try length(at: &position, end: end, of: "string")
            return position &+ length
        case WireTag.bytes:
            let length = try length(at: &position, end: end, of: "bytes value")
            return position &+ length
        case WireTag.array:
            let length = try length(at: &position, end: end, of: "array")
            return position &+ length
        case WireTag.map:
            let length = try length(at: &position, end: end, of: "map")
            return position &+ length
        default:
            throw WireFault(code: .invalidTag, message: "0x\(WireTag.hex(tag)) is not a value tag (0x00–0x09)", offset: offset)
        }
    }

    /// The offset past `width` bytes at `offset`, which must lie before `end`.
    @inline(__always)
    func fixedWidth(_ width: Int, at offset: Int, end: Int, of tag: UInt8) throws(WireFault) -> Int {
        guard width <= min(end, count) &- offset else {
            throw WireFault(code: .truncated, message: "the input (or its container) ends inside a \(WireTag.describe(tag))",
                            offset: offset &- 1)
        }
        return offset &+ width
    }

    /// The fault for a value whose tag is not what the requested type needs.
    func mismatch(expected: StaticString, found tag: UInt8, at offset: Int) -> WireFault {
        let code: BinaryCodingError.Code
        if tag == WireTag.null {
            code = .valueNotFound
        } else if tag > WireTag.map {
            code = .invalidTag
        } else {
            code = .typeMismatch
        }
        return WireFault(code: code, message: "expected \(expected), found \(WireTag.describe(tag))", offset: offset)
    }

    /// Parses the header of the array or map (`tag`) at `offset`, whose extent has been measured.
    /// Refuses counts above `maxCollectionCount` and counts that the body cannot hold (every
    /// element takes at least one byte, every map entry two).
    func containerHeader(at offset: Int, tag: UInt8) throws(WireFault) -> ContainerHeader {
        let found = try byte(at: offset)
        guard found == tag else {
            throw mismatch(expected: tag == WireTag.map ? "a map (0x09)" : "an array (0x08)", found: found, at: offset)
        }
        var position = offset &+ 1
        let bodyLength = try length(at: &position, end: count, of: tag == WireTag.map ? "map" : "array")
        let bodyEnd = position &+ bodyLength
        let countOffset = position
        let elements = try varint(at: &position, end: bodyEnd)
        guard elements <= UInt64(max(limits.maxCollectionCount, 0)) else {
            throw WireFault(code: .limitExceeded,
                            message: "\(tag == WireTag.map ? "map" : "array") has \(elements) elements; the limit is \(limits.maxCollectionCount)",
                            offset: countOffset)
        }
        let bytesPerElement = tag == WireTag.map ? 2 : 1
        guard elements <= UInt64((bodyEnd &- position) / bytesPerElement) else {
            throw WireFault(code: .lengthOutOfBounds,
                            message: "\(tag == WireTag.map ? "map" : "array") claims \(elements) elements but its body has only \(bodyEnd &- position) bytes",
                            offset: countOffset)
        }
        return ContainerHeader(bodyStart: position, bodyEnd: bodyEnd, count: Int(truncatingIfNeeded: elements))
    }

    /// Reads a Boolean.
    @inline(__always)
    func readBool(at offset: Int) throws(WireFault) -> Bool {
        let tag = try byte(at: offset)
        if tag == WireTag.true { return true }
        if tag == WireTag.false { return false }
        throw mismatch(expected: "a bool (0x01 or 0x02)", found: tag, at: offset)
    }

    /// Reads an integer of either integer tag into `I`, if it fits.
    @inline(__always)
    func readInteger<I: FixedWidthInteger>(at offset: Int, as type: I.Type) throws(WireFault) -> I {
        let tag = try byte(at: offset)
        var position = offset &+ 1
        if tag == WireTag.signed {
            let value = Varint.unzigzag(try varint(at: &position, end: count))
            if let result = I(exactly: value) { return result }
            throw outOfRange(String(value), as: I.self, at: offset)
        }
        if tag == WireTag.unsigned {
            let value = try varint(at: &position, end: count)
            if let result = I(exactly: value) { return result }
            throw outOfRange(String(value), as: I.self, at: offset)
        }
        throw mismatch(expected: "an integer (0x03 or 0x04)", found: tag, at: offset)
    }

    /// The fault for the integer `value` (its decimal digits), which `I` cannot hold. The message
    /// gives the range rather than the Swift type, so that it means something to a client.
    func outOfRange<I: FixedWidthInteger>(_ value: String, as type: I.Type, at offset: Int) -> WireFault {
        WireFault(code: .numberOutOfRange, message: "\(value) is outside the range \(I.min)…\(I.max)",
                  offset: offset, value: value)
    }

    /// Reads the 8 bytes after a float64 tag.
    @inline(__always)
    func readFixed64(at offset: Int, tag expected: UInt8, name: StaticString) throws(WireFault) -> UInt64 {
        let tag = try byte(at: offset)
        guard tag == expected else { throw mismatch(expected: name, found: tag, at: offset) }
        let position = try fixedWidth(8, at: offset &+ 1, end: count, of: tag) &- 8
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// Reads a float64.
    @inline(__always)
    func readDouble(at offset: Int) throws(WireFault) -> Double {
        Double(bitPattern: try readFixed64(at: offset, tag: WireTag.float64, name: "a float64 (0x05)"))
    }

    /// Reads a float64 into a `Float`, rounding; a finite value too large for `Float` is an error.
    @inline(__always)
    func readFloat(at offset: Int) throws(WireFault) -> Float {
        let value = try readDouble(at: offset)
        let result = Float(value)
        if result.isInfinite && value.isFinite {
            throw WireFault(code: .numberOutOfRange, message: "\(value) is outside the range of a 32-bit float",
                            offset: offset, value: String(value))
        }
        return result
    }

    /// Reads a string, validating its UTF-8.
    @inline(__always)
    func readString(at offset: Int) throws(WireFault) -> String {
        let tag = try byte(at: offset)
        guard tag == WireTag.string else { throw mismatch(expected: "a string (0x06)", found: tag, at: offset) }
        var position = offset &+ 1
        let length = try self.length(at: &position, end: count, of: "string")
        return try makeString(at: position, count: length)
    }

    /// The string whose UTF-8 is the `length` bytes at `offset`, checked against `maxStringByteCount`.
    func makeString(at offset: Int, count length: Int) throws(WireFault) -> String {
        guard length <= limits.maxStringByteCount else {
            throw WireFault(code: .limitExceeded,
                            message: "string of \(length) bytes exceeds the limit of \(limits.maxStringByteCount)",
                            offset: offset)
        }
        if length == 0 { return "" }
        let start = base + offset
        if let bad = UTF8Validation.firstInvalidOffset(start, count: length) {
            throw invalidUTF8(at: offset, firstBadByte: bad)
        }
        // Valid, so `String(decoding:)` (specialised for UTF-8, unlike `String(validating:)`) changes nothing.
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }

    /// The fault for invalid UTF-8 in the string or key whose bytes start at `offset`.
    func invalidUTF8(at offset: Int, firstBadByte: Int) -> WireFault {
        WireFault(code: .invalidUTF8, message: "string is not valid UTF-8 (bad byte at +\(firstBadByte))",
                  offset: offset &+ firstBadByte)
    }

    /// Reads a bytes value; returns where its content starts and how long it is.
    @inline(__always)
    func readBytes(at offset: Int) throws(WireFault) -> (start: Int, count: Int) {
        let tag = try byte(at: offset)
        guard tag == WireTag.bytes else { throw mismatch(expected: "bytes (0x07)", found: tag, at: offset) }
        var position = offset &+ 1
        let length = try self.length(at: &position, end: count, of: "bytes value")
        return (position, length)
    }

    /// Reads a bytes value as `[UInt8]`, with one bulk copy (the length was checked against the
    /// input, which bounds it by the frame limit).
    func readByteArray(at offset: Int) throws(WireFault) -> [UInt8] {
        let (start, length) = try readBytes(at: offset)
        let source = base + start
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, initializedCount in
            if length > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: length) }
            initializedCount = length
        }
    }

    /// Reads a map key at `offset` (advanced past it): varint length and UTF-8, no tag.
    func readKey(at offset: inout Int, end: Int) throws(WireFault) -> String {
        let length = try self.length(at: &offset, end: end, of: "map key")
        let start = offset
        offset &+= length
        return try makeString(at: start, count: length)
    }
}
