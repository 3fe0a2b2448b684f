/// Writing values of any `Encodable` type, and the frame bookkeeping around nested values.
extension EncodingState {
    /// Writes `value` directly if its type has a wire form of its own (numbers, Bool, String,
    /// `[UInt8]`) and returns true; returns false for every other type.
    ///
    /// Each test compares the size first (a constant) and type metadata only when the size matches,
    /// so a struct, which matches none, costs a few integer comparisons. The `unsafeBitCast` after a
    /// matching test is the identity, as in the standard library's `_identityCast`.
    @inline(__always)
    func writeIfSpecial<T: Encodable>(_ value: T) -> Bool {
        let size = MemoryLayout<T>.size
        if size == MemoryLayout<String>.size && T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if size == MemoryLayout<Int>.size && T.self == Int.self {
            writeSigned(Int64(unsafeBitCast(value, to: Int.self)))
        } else if size == MemoryLayout<Bool>.size && T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else if size == MemoryLayout<Double>.size && T.self == Double.self {
            writeDouble(unsafeBitCast(value, to: Double.self))
        } else if size == MemoryLayout<[UInt8]>.size && T.self == [UInt8].self {
            // One bulk copy of the bytes, never an element at a time.
            unsafeBitCast(value, to: [UInt8].self).withUnsafeBytes { writeBytes($0) }
        } else if size <= MemoryLayout<UInt64>.size {
            return writeIfOtherSpecial(value)
        } else {
            return false
        }
        return true
    }

    /// The less frequent half of `writeIfSpecial(_:)`.
    func writeIfOtherSpecial<T: Encodable>(_ value: T) -> Bool {
        if T.self == Int64.self {
            writeSigned(unsafeBitCast(value, to: Int64.self))
        } else if T.self == UInt64.self {
            writeUnsigned(unsafeBitCast(value, to: UInt64.self))
        } else if T.self == UInt.self {
            writeUnsigned(UInt64(unsafeBitCast(value, to: UInt.self)))
        } else if T.self == Int32.self {
            writeSigned(Int64(unsafeBitCast(value, to: Int32.self)))
        } else if T.self == UInt32.self {
            writeUnsigned(UInt64(unsafeBitCast(value, to: UInt32.self)))
        } else if T.self == Int16.self {
            writeSigned(Int64(unsafeBitCast(value, to: Int16.self)))
        } else if T.self == UInt16.self {
            writeUnsigned(UInt64(unsafeBitCast(value, to: UInt16.self)))
        } else if T.self == Int8.self {
            writeSigned(Int64(unsafeBitCast(value, to: Int8.self)))
        } else if T.self == UInt8.self {
            writeUnsigned(UInt64(unsafeBitCast(value, to: UInt8.self)))
        } else if T.self == Float.self {
            writeDouble(Double(unsafeBitCast(value, to: Float.self)))
        } else {
            return false
        }
        return true
    }

    /// Writes `value` as a nested value reached by `element` from the container at `parentDepth`,
    /// whose key or count has just been written.
    @inline(__always)
    func encodeValue<T: Encodable>(_ value: T, element: @autoclosure () -> CodingPathElement,
                                   parentDepth: Int) throws {
        if writeIfSpecial(value) { return }
        try encodeComposite(value, element: element(), parentDepth: parentDepth)
    }

    /// Writes a value that is not special: pushes a frame for it, lets it encode itself with this
    /// state as its `Encoder`, and closes whatever it opened.
    func encodeComposite<T: Encodable>(_ value: T, element: CodingPathElement, parentDepth: Int) throws {
        let depth = parentDepth &+ 1
        frames.append(EncodingFrame(kind: .pending, headerOffset: 0, count: 0, id: nextFrameID, element: element))
        nextFrameID &+= 1
        let savedDepth = valueDepth
        valueDepth = depth
        defer { valueDepth = savedDepth }
        try encodeContents(value, depth: depth)
        closeFrames(downTo: parentDepth)
    }

    /// Lets `value` write itself into the pending frame at `depth`. Dictionaries are intercepted
    /// (only a type the size of one reference can be one) and written in canonical order; a `Set`
    /// is refused (see `Set+CanonicallyOrderedEncodable`).
    @inline(__always)
    func encodeContents<T: Encodable>(_ value: T, depth: Int) throws {
        if MemoryLayout<T>.size == MemoryLayout<[Int: Int]>.size && !TypeClassCache.isOrdinaryForEncoding(T.self) {
            if let unordered = value as? any CanonicallyOrderedEncodable {
                try unordered.encodeCanonically(into: self, depth: depth)
                return
            }
            TypeClassCache.markOrdinaryForEncoding(T.self)
        }
        try value.encode(to: self)
    }

    /// Writes one entry (key, value) into the map at `depth`. If the value throws, the entry is
    /// taken back out, so that a caller who catches the error still has a well-formed map.
    @inline(__always)
    func encodeEntry<T: Encodable, Key: CodingKey>(_ value: T, forKey key: Key, depth: Int, frameID: Int) throws {
        try enterFrame(depth: depth, frameID: frameID)
        let mark = byteCount
        frames[depth].count &+= 1
        writeStringBody(key.stringValue)
        if writeIfSpecial(value) { return }
        do {
            try encodeComposite(value, element: .key(key), parentDepth: depth)
        } catch {
            rollBack(to: mark, depth: depth)
            throw error
        }
    }

    /// Writes one element into the array at `depth`; taken back out if the value throws.
    @inline(__always)
    func encodeElement<T: Encodable>(_ value: T, depth: Int, frameID: Int) throws {
        try enterFrame(depth: depth, frameID: frameID)
        let index = frames[depth].count
        frames[depth].count = index &+ 1
        if writeIfSpecial(value) { return }
        let mark = byteCount
        do {
            try encodeComposite(value, element: .index(index), parentDepth: depth)
        } catch {
            rollBack(to: mark, depth: depth)
            throw error
        }
    }

    /// Writes `value` as the single value of the frame at `depth`, which must still be pending.
    func encodeSingleValue<T: Encodable>(_ value: T, depth: Int, frameID: Int) throws {
        try enterFrame(depth: depth, frameID: frameID)
        guard frames[depth].kind == .pending else { throw secondValueError(depth: depth) }
        if writeIfSpecial(value) {
            frames[depth].kind = .done
            return
        }
        let mark = byteCount
        let savedDepth = valueDepth
        valueDepth = depth
        defer { valueDepth = savedDepth }
        do {
            try encodeContents(value, depth: depth)
        } catch {
            if frames.count > depth &+ 1 { frames.removeLast(frames.count &- depth &- 1) }
            byteCount = mark
            frames[depth].kind = .pending
            throw error
        }
        if frames[depth].kind == .pending { writeEmptyMap(depth: depth) }
    }

    /// Prepares the frame at `depth` for one single value written by the caller.
    @inline(__always)
    func beginSingleValue(depth: Int, frameID: Int) throws {
        try enterFrame(depth: depth, frameID: frameID)
        guard frames[depth].kind == .pending else { throw secondValueError(depth: depth) }
        frames[depth].kind = .done
    }

    /// The error for a second value in a single value container.
    func secondValueError(depth: Int) -> BinaryCodingError {
        usageError("a single value container already holds a value", depth: depth)
    }

    /// Writes an empty map for a value that encoded nothing at all (as Foundation's coders write {}).
    func writeEmptyMap(depth: Int) {
        writeEmptyMapBytes()
        frames[depth].kind = .done
    }

    /// Makes the frame at `depth` the innermost open one, closing deeper frames, and checks that it
    /// is still the frame the container was made for.
    @inline(__always)
    func enterFrame(depth: Int, frameID: Int) throws {
        if frames.count &- 1 == depth && frames[depth].id == frameID { return }
        try enterFrameSlowly(depth: depth, frameID: frameID)
    }

    /// `enterFrame(depth:frameID:)` when deeper frames must be closed first, or the container is stale.
    func enterFrameSlowly(depth: Int, frameID: Int) throws {
        guard isLive(depth: depth, frameID: frameID) else {
            throw usageError(
                "this container can no longer be written to: it was refused when it was made, or a value "
                    + "outside it was written after it, or encoding has finished (the encoder streams, so "
                    + "containers must be filled in the order they nest)",
                depth: depth)
        }
        closeFrames(downTo: depth)
    }

    /// Whether the frame at `depth` is still the one with `frameID`.
    @inline(__always)
    func isLive(depth: Int, frameID: Int) -> Bool {
        depth >= 0 && depth < frames.count && frames[depth].id == frameID
    }

    /// Closes every frame deeper than `depth`: fills in container headers, writes an empty map for a
    /// value that wrote nothing.
    func closeFrames(downTo depth: Int) {
        while frames.count &- 1 > depth {
            let frame = frames.removeLast()
            switch frame.kind {
            case .pending:
                writeEmptyMapBytes()
            case .keyed, .unkeyed:
                closeContainer(headerOffset: frame.headerOffset, count: frame.count)
            case .done:
                break
            }
        }
    }

    /// Takes back a partly written entry or element of the container at `depth`.
    func rollBack(to mark: Int, depth: Int) {
        if frames.count > depth &+ 1 { frames.removeLast(frames.count &- depth &- 1) }
        byteCount = mark
        frames[depth].count &-= 1
    }

    /// Starts a container of `kind` in the frame at `depth` (or returns the one already started
    /// there, as Foundation's coders do when `container(keyedBy:)` is asked twice) and returns the
    /// frame id to give it, or `invalidFrameID` if the frame already holds something else.
    /// `frameID` is the frame the asking encoder was made for; nil for the shared encoder.
    func startContainer(_ kind: EncodingFrame.Kind, depth: Int, frameID: Int?) -> Int {
        guard depth >= 0, depth < frames.count else { return Self.invalidFrameID }
        if let frameID, frames[depth].id != frameID { return Self.invalidFrameID }
        closeFrames(downTo: depth)
        switch frames[depth].kind {
        case .pending:
            frames[depth].headerOffset = openContainer(tag: kind == .keyed ? WireTag.map : WireTag.array)
            frames[depth].kind = kind
            return frames[depth].id
        case kind:
            return frames[depth].id
        default:
            return Self.invalidFrameID
        }
    }

    /// Pushes a pending frame for a nested container or super encoder reached by `element` from the
    /// container at `depth` (whose key or count the caller has written) and returns its id.
    func pushFrame(element: CodingPathElement) -> Int {
        let id = nextFrameID
        nextFrameID &+= 1
        frames.append(EncodingFrame(kind: .pending, headerOffset: 0, count: 0, id: id, element: element))
        return id
    }
}
