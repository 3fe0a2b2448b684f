#if canImport(Glibc)
import Glibc
#endif

/// Making containers: checking the depth, parsing headers, and indexing the entries of maps.
extension DecodingState {
    /// Checks the nesting depth for a new container with `context`, then parses the header of the
    /// array or map (`tag`) at `offset`.
    func openContainer(at offset: Int, tag: UInt8, context: PathContext?) throws -> ContainerHeader {
        let depth = pathElements(context).count &+ 1
        guard depth <= limits.maxDepth else {
            throw BinaryCodingError(code: .limitExceeded,
                                    message: "containers nest deeper than the limit of \(limits.maxDepth)",
                                    codingPath: pathElements(context).map(\.component), byteOffset: offset)
        }
        do throws(WireFault) {
            return try containerHeader(at: offset, tag: tag)
        } catch {
            throw fail(error, context: context)
        }
    }

    /// A keyed container over the map at `offset`: indexes its entries in one pass.
    func keyedContainer<Key: CodingKey>(_ type: Key.Type, at offset: Int, context: PathContext?) throws -> KeyedDecodingContainer<Key> {
        let header = try openContainer(at: offset, tag: WireTag.map, context: context)
        let base = entryCount
        do throws(WireFault) {
            try indexEntries(of: header)
        } catch {
            throw fail(error, context: context)
        }
        return KeyedDecodingContainer(
            BinaryKeyedDecodingContainer<Key>(state: self, header: base, entryCount: header.count, context: context))
    }

    /// An unkeyed container over the array at `offset`.
    func unkeyedContainer(at offset: Int, context: PathContext?) throws -> BinaryUnkeyedDecodingContainer {
        let header = try openContainer(at: offset, tag: WireTag.array, context: context)
        if header.count == 0 && header.bodyStart != header.bodyEnd {
            throw fail(WireFault(code: .lengthOutOfBounds,
                                 message: "empty array has \(header.bodyEnd - header.bodyStart) bytes of body",
                                 offset: header.bodyStart), context: context)
        }
        return BinaryUnkeyedDecodingContainer(state: self, cursor: header.bodyStart, end: header.bodyEnd,
                                              elementCount: header.count, context: context)
    }

    /// Appends a header entry (the look-up hint) and one entry per map entry to `entries`, checking
    /// that every key is valid UTF-8 within `maxStringByteCount`, that every value lies inside the
    /// map, that the entries fill the map's byte count exactly, and that no key occurs twice.
    func indexEntries(of header: ContainerHeader) throws(WireFault) {
        let first = entryCount &+ 1
        appendEntry(KeyedEntry(keyStart: 0, keyCount: 0, valueStart: 0))
        var position = header.bodyStart
        let end = header.bodyEnd
        // A 256-bit set of key fingerprints: a key whose fingerprint is new cannot be a duplicate,
        // so only the rare collision is compared against the earlier keys.
        var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        // Beyond a few dozen entries a collision is checked by sorting, once, so that a hostile map
        // of colliding keys costs n log n, not n².
        var needsSortedCheck = false
        for index in 0..<header.count {
            let keyCount = try length(at: &position, end: end, of: "map key")
            guard keyCount <= limits.maxStringByteCount else {
                throw WireFault(code: .limitExceeded,
                                message: "map key of \(keyCount) bytes exceeds the limit of \(limits.maxStringByteCount)",
                                offset: position)
            }
            let key = base + position
            if let bad = UTF8Validation.firstInvalidOffset(key, count: keyCount) {
                throw invalidUTF8(at: position, firstBadByte: bad)
            }
            let valueStart = position &+ keyCount
            let entry = KeyedEntry(keyStart: position, keyCount: keyCount, valueStart: valueStart)
            let bit = Self.fingerprint(key, count: keyCount)
            let word = UInt64(1) &<< UInt64(bit & 63)
            let isNew: Bool
            switch bit >> 6 {
            case 0: isNew = seen.0 & word == 0; seen.0 |= word
            case 1: isNew = seen.1 & word == 0; seen.1 |= word
            case 2: isNew = seen.2 & word == 0; seen.2 |= word
            default: isNew = seen.3 & word == 0; seen.3 |= word
            }
            if !isNew {
                if index <= Self.linearDuplicateScanLimit {
                    for earlier in 0..<index where sameKey(entries[first &+ earlier], entry) {
                        throw duplicateKey(entry)
                    }
                } else {
                    needsSortedCheck = true
                }
            }
            appendEntry(entry)
            position = try quickSkipValue(at: valueStart, end: end)
        }
        guard position == end else {
            throw WireFault(code: .lengthOutOfBounds,
                            message: "the map's byte count says it ends at byte \(end) but its \(header.count) entries end at byte \(position)",
                            offset: position)
        }
        if needsSortedCheck { try checkUniqueKeysBySorting(first: first, count: header.count) }
    }

    /// How many earlier keys a key whose fingerprint collides is compared with directly.
    static let linearDuplicateScanLimit = 32

    /// Throws if two of the `count` entries from index `first` have the same key, by sorting them.
    func checkUniqueKeysBySorting(first: Int, count keyCount: Int) throws(WireFault) {
        let keyed = entries + first
        let order = (0..<keyCount).sorted { compareKeys(keyed[$0], keyed[$1]) < 0 }
        for index in 1..<order.count where sameKey(keyed[order[index - 1]], keyed[order[index]]) {
            throw duplicateKey(keyed[order[index]])
        }
    }

    /// A number 0…255 derived from a key's length and its first, middle and last bytes.
    @inline(__always)
    static func fingerprint(_ key: UnsafeRawPointer, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let firstByte = Int(key.load(as: UInt8.self))
        let middleByte = Int(key.load(fromByteOffset: count &>> 1, as: UInt8.self))
        let lastByte = Int(key.load(fromByteOffset: count &- 1, as: UInt8.self))
        let mixed = (count &* 0x9E37) ^ (firstByte &* 0x2F) ^ (middleByte &* 0x61) ^ (lastByte &* 0xB5)
        return (mixed ^ (mixed &>> 8)) & 0xFF
    }

    /// The fault for a key that occurs twice.
    func duplicateKey(_ entry: KeyedEntry) -> WireFault {
        let key = String(decoding: UnsafeRawBufferPointer(start: base + entry.keyStart, count: min(entry.keyCount, 4 * 48)), as: UTF8.self)
        return WireFault(code: .duplicateKey, message: "the map holds the key \"\(key.prefix(48))\(key.count > 48 ? "…" : "")\" more than once", offset: entry.keyStart)
    }

    /// Whether two entries have the same key bytes.
    @inline(__always)
    func sameKey(_ a: KeyedEntry, _ b: KeyedEntry) -> Bool {
        a.keyCount == b.keyCount && equalBytes(base + a.keyStart, base + b.keyStart, count: a.keyCount)
    }

    /// Whether `count` bytes at `a` and `b` are equal; keys are short, so no call for up to 16 bytes.
    @inline(__always)
    func equalBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            if count > 16 { return memcmp(a, b, count) == 0 }
            // Two overlapping 8-byte words cover 8 to 16 bytes.
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        var index = 0
        while index < count {
            if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
            index &+= 1
        }
        return true
    }

    /// Orders two entries by their key bytes (unsigned, a prefix first).
    func compareKeys(_ a: KeyedEntry, _ b: KeyedEntry) -> Int32 {
        let common = min(a.keyCount, b.keyCount)
        if common > 0 {
            let result = memcmp(base + a.keyStart, base + b.keyStart, common)
            if result != 0 { return result }
        }
        return a.keyCount == b.keyCount ? 0 : (a.keyCount < b.keyCount ? -1 : 1)
    }

    /// Where the value for `key` starts in the keyed container whose header entry is at `header`, or
    /// nil. Tries the hinted entry first, then all of them; compares bytes, builds no string.
    @inline(__always)
    func valueOffset<Key: CodingKey>(for key: Key, header: Int, count keyCount: Int) -> Int? {
        let name = key.stringValue
        if let found = name.utf8.withContiguousStorageIfAvailable({
            valueOffset(forKeyBytes: UnsafeRawPointer($0.baseAddress), count: $0.count, header: header, entries: keyCount)
        }) {
            return found
        }
        var copy = name
        copy.makeContiguousUTF8()
        return copy.withUTF8 {
            valueOffset(forKeyBytes: UnsafeRawPointer($0.baseAddress), count: $0.count, header: header, entries: keyCount)
        }
    }

    /// `valueOffset(for:header:count:)` for a key given as `count` UTF-8 bytes at `key`.
    func valueOffset(forKeyBytes key: UnsafeRawPointer?, count: Int, header: Int, entries keyCount: Int) -> Int? {
        // A container kept after its entries were dropped finds nothing rather than reading past the
        // index; within the index every offset was checked against the input.
        guard header &+ keyCount < entryCount, self.count > 0 else { return nil }
        let hint = entries[header].keyStart
        let keyed = entries + (header &+ 1)
        if hint < keyCount && matches(keyed[hint], key, count) {
            entries[header].keyStart = hint &+ 1
            return keyed[hint].valueStart
        }
        var index = 0
        while index < keyCount {
            if matches(keyed[index], key, count) {
                entries[header].keyStart = index &+ 1
                return keyed[index].valueStart
            }
            index &+= 1
        }
        return nil
    }

    /// Whether `entry`'s key is the `count` bytes at `key`.
    @inline(__always)
    func matches(_ entry: KeyedEntry, _ key: UnsafeRawPointer?, _ count: Int) -> Bool {
        guard entry.keyCount == count else { return false }
        guard count > 0, let key else { return true }
        return equalBytes(base + entry.keyStart, key, count: count)
    }

    /// The keys of the keyed container whose header entry is at `header`, in map order.
    func keys(header: Int, count keyCount: Int) -> [String] {
        guard header &+ keyCount < entryCount, count > 0 else { return [] }
        return (0..<keyCount).map { index in
            let entry = entries[header &+ 1 &+ index]
            return String(decoding: UnsafeRawBufferPointer(start: base + entry.keyStart, count: entry.keyCount), as: UTF8.self)
        }
    }
}
