/// Decoding values of any `Decodable` type.
extension DecodingState {
    /// Whether `T` has a wire form of its own (numbers, Bool, String, `[UInt8]`) that
    /// `decodeSpecial` reads directly.
    ///
    /// Each test compares the size first (a constant) and type metadata only when the size matches,
    /// so a struct, which matches none, costs a few integer comparisons.
    @inline(__always)
    static func isSpecial<T>(_ type: T.Type) -> Bool {
        let size = MemoryLayout<T>.size
        return (size == MemoryLayout<String>.size && T.self == String.self)
            || (size == MemoryLayout<Int>.size && T.self == Int.self)
            || (size == MemoryLayout<Bool>.size && T.self == Bool.self)
            || (size == MemoryLayout<Double>.size && T.self == Double.self)
            || (size == MemoryLayout<[UInt8]>.size && T.self == [UInt8].self)
            || (size == MemoryLayout<Int64>.size && (T.self == Int64.self || T.self == UInt64.self || T.self == UInt.self))
            || (size == MemoryLayout<Int32>.size && (T.self == Int32.self || T.self == UInt32.self || T.self == Float.self))
            || (size == MemoryLayout<Int16>.size && (T.self == Int16.self || T.self == UInt16.self))
            || (size == MemoryLayout<Int8>.size && (T.self == Int8.self || T.self == UInt8.self))
    }

    /// Reads the value at `offset` as `T`, which `isSpecial` accepted.
    ///
    /// Returns `T` rather than `T?`: an optional of an unspecialised `T` makes the runtime look up
    /// `Optional<T>`'s metadata on every call. The `unsafeBitCast` after a matching test is the
    /// identity, as in the standard library's `_identityCast`.
    func decodeSpecial<T>(_ type: T.Type, at offset: Int) throws(WireFault) -> T {
        if T.self == String.self { return unsafeBitCast(try readString(at: offset), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try readInteger(at: offset, as: Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try readBool(at: offset), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try readDouble(at: offset), to: T.self) }
        if T.self == [UInt8].self { return unsafeBitCast(try readByteArray(at: offset), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try readInteger(at: offset, as: Int64.self), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try readInteger(at: offset, as: UInt64.self), to: T.self) }
        if T.self == UInt.self { return unsafeBitCast(try readInteger(at: offset, as: UInt.self), to: T.self) }
        if T.self == Int32.self { return unsafeBitCast(try readInteger(at: offset, as: Int32.self), to: T.self) }
        if T.self == UInt32.self { return unsafeBitCast(try readInteger(at: offset, as: UInt32.self), to: T.self) }
        if T.self == Int16.self { return unsafeBitCast(try readInteger(at: offset, as: Int16.self), to: T.self) }
        if T.self == UInt16.self { return unsafeBitCast(try readInteger(at: offset, as: UInt16.self), to: T.self) }
        if T.self == Int8.self { return unsafeBitCast(try readInteger(at: offset, as: Int8.self), to: T.self) }
        if T.self == UInt8.self { return unsafeBitCast(try readInteger(at: offset, as: UInt8.self), to: T.self) }
        if T.self == Float.self { return unsafeBitCast(try readFloat(at: offset), to: T.self) }
        // Unreachable while `isSpecial` and this list agree; an error rather than a trap regardless.
        throw WireFault(code: .invalidUsage, message: "internal: a type without a wire form of its own was read as one", offset: offset)
    }

    /// Decodes the value at `offset`, reached by `element` from the container with `context`.
    @inline(__always)
    func decodeValue<T: Decodable>(_ type: T.Type, at offset: Int, element: CodingPathElement,
                                   context: PathContext?) throws -> T {
        if Self.isSpecial(T.self) {
            do throws(WireFault) {
                return try decodeSpecial(T.self, at: offset)
            } catch {
                throw fail(error, context: context, element: element)
            }
        }
        return try decodeComposite(T.self, at: offset, element: element, context: context)
    }

    /// Decodes a value that is not special: extends the path by `element`, lets `T` decode itself
    /// with this state as its `Decoder`, then restores the path and drops the key index entries of
    /// every map opened meanwhile (their containers ended with `init(from:)`).
    func decodeComposite<T: Decodable>(_ type: T.Type, at offset: Int, element: CodingPathElement,
                                       context: PathContext?) throws -> T {
        var savedPath: [CodingPathElement]?
        if let context {
            savedPath = path
            path = self.path(of: context)
        }
        path.append(element)
        let savedOffset = currentOffset
        let mark = entryCount
        defer {
            if entryCount > mark { entryCount = mark }
            currentOffset = savedOffset
            if let savedPath { path = savedPath } else { path.removeLast() }
        }
        return try decodeContents(T.self, at: offset)
    }

    /// Decodes the value at `offset` for a single value container: the same path, no new element.
    func decodeInPlace<T: Decodable>(_ type: T.Type, at offset: Int, context: PathContext?) throws -> T {
        if Self.isSpecial(T.self) {
            do throws(WireFault) {
                return try decodeSpecial(T.self, at: offset)
            } catch {
                throw fail(error, context: context)
            }
        }
        var savedPath: [CodingPathElement]?
        if let context {
            savedPath = path
            path = self.path(of: context)
        }
        let savedOffset = currentOffset
        let mark = entryCount
        defer {
            if entryCount > mark { entryCount = mark }
            currentOffset = savedOffset
            if let savedPath { path = savedPath }
        }
        return try decodeContents(T.self, at: offset)
    }

    /// Lets `T` decode itself from the value at `offset`. Dictionaries are intercepted (only a type
    /// the size of one reference can be one) and read in Kansli's dictionary form.
    @inline(__always)
    func decodeContents<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        if MemoryLayout<T>.size == MemoryLayout<[Int: Int]>.size && !TypeClassCache.isOrdinaryForDecoding(T.self) {
            if let dictionaryType = T.self as? any DecodableDictionary.Type {
                return try decodeDictionary(dictionaryType, as: T.self, at: offset)
            }
            TypeClassCache.markOrdinaryForDecoding(T.self)
        }
        currentOffset = offset
        do {
            return try T(from: self)
        } catch let error as DecodingError {
            // Converted here, the innermost place that knows where the refused value lies, so that
            // the error can carry the value itself (`offendingValue`) and its offset.
            throw BinaryCodingError(converting: error, byteOffset: offset, offendingValue: scalarText(at: offset))
        }
    }

    /// The value at `offset` as text, if it is a string (at most `offendingValueLimit` bytes of it),
    /// an integer, a float64 or a Boolean; nil for anything else or anything malformed.
    func scalarText(at offset: Int) -> String? {
        guard let tag = try? byte(at: offset) else { return nil }
        switch tag {
        case WireTag.false: return "false"
        case WireTag.true: return "true"
        case WireTag.signed: return (try? readInteger(at: offset, as: Int64.self)).map { String($0) }
        case WireTag.unsigned: return (try? readInteger(at: offset, as: UInt64.self)).map { String($0) }
        case WireTag.float64: return (try? readDouble(at: offset)).map { String($0) }
        case WireTag.string:
            var position = offset &+ 1
            guard let length = try? self.length(at: &position, end: count, of: "string") else { return nil }
            let kept = min(length, BinaryCodingError.offendingValueLimit)
            // A cut through a UTF-8 sequence becomes U+FFFD; the text is only shown, never parsed.
            return String(decoding: UnsafeRawBufferPointer(start: base + position, count: kept), as: UTF8.self)
        default: return nil
        }
    }

    /// Opens the dictionary type `D`, which is `T`.
    func decodeDictionary<D: DecodableDictionary, T>(_ dictionaryType: D.Type, as type: T.Type, at offset: Int) throws -> T {
        unsafeBitCast(try D.decodeCanonically(from: self, at: offset), to: T.self)
    }
}
