import Testing
import KansliFraming
import KansliTestSupport

@Suite("FrameParser")
struct FrameParserTests {
    /// A stream of frames of every kind: empty, small, compressed, incompressible over the
    /// threshold, with and without idempotency keys and MACs.
    static let mixedStream: (bytes: [UInt8], payloads: [[UInt8]]) = {
        var generator = SeededGenerator(seed: 2024)
        var bytes: [UInt8] = []
        var payloads: [[UInt8]] = []
        var requestID: UInt32 = 1
        for kind in FrameKind.allCases {
            for payload in [[], [0x09, 0x01, 0x00], compressiblePayload(150_000), generator.bytes(70_000)] {
                let key: [UInt8]? = kind == .request ? generator.bytes(16) : nil
                do {
                    var frame = try FrameWriter.encode(
                        kind: kind, requestID: requestID, method: kind.isHandshake ? 0 : 0x0101,
                        idempotencyKey: key, payload: payload
                    )
                    if requestID % 3 == 0 {
                        FrameWriter.authenticate(&frame) { header, _ in Array(header.suffix(16)) }
                    }
                    bytes += frame
                } catch {
                    preconditionFailure("\(error)")
                }
                payloads.append(payload)
                requestID += 1
            }
        }
        return (bytes, payloads)
    }()

    static let chunkings: [Chunking] = [
        .whole,
        .bytewise,
        .random(seed: 1, maxChunk: 7),
        .random(seed: 2, maxChunk: 100),
        .random(seed: 3, maxChunk: 5000),
        .random(seed: 4, maxChunk: 65_536),
    ]

    @Test("the same bytes give the same frames however they are split", arguments: chunkings)
    func sameFramesHoweverSplit(chunking: Chunking) throws {
        let reference = try parse(Self.mixedStream.bytes, chunking: .whole)
        #expect(reference.count == FrameKind.allCases.count * 4)
        #expect(reference.map(\.payload) == Self.mixedStream.payloads)
        #expect(reference.map(\.requestID) == Array(1...UInt32(reference.count)))
        #expect(reference.contains { $0.flags.contains(.compressed) })
        #expect(reference.contains { $0.flags.contains(.mac) })

        var parser = FrameParser()
        let frames = try parse(Self.mixedStream.bytes, chunking: chunking, parser: &parser)
        #expect(frames == reference)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("a header cut short at any byte asks for more, without an error")
    func truncatedHeader() throws {
        let frame = try FrameWriter.encode(kind: .request, requestID: 7, method: 1, payload: [0x09, 0x01, 0x00])
        for length in 0..<56 {
            var parser = FrameParser()
            parser.append(Array(frame[0..<length]))
            #expect(try parser.nextFrame() == nil, "after \(length) bytes")
            #expect(parser.bufferedByteCount == length)
        }
    }

    @Test("a payload cut short asks for more; the rest completes the frame")
    func truncatedPayload() throws {
        let payload = compressiblePayload(1000)
        let frame = try FrameWriter.encode(kind: .response, requestID: 2, payload: payload)
        var parser = FrameParser()
        parser.append(Array(frame[0..<(56 + 999)]))
        #expect(try parser.nextFrame() == nil)
        #expect(try parser.nextFrame() == nil)  // asking again changes nothing
        parser.append(Array(frame[(56 + 999)...]))
        #expect(try parser.nextFrame()?.payload == payload)
        #expect(try parser.nextFrame() == nil)
    }

    @Test("several frames in one chunk come out in order")
    func severalFramesInOneChunk() throws {
        var bytes: [UInt8] = []
        for id in 1...100 as ClosedRange<UInt32> {
            bytes += try FrameWriter.encode(kind: .response, requestID: id, payload: Array("frame \(id)".utf8))
        }
        let frames = try parse(bytes)
        #expect(frames.map(\.requestID) == Array(1...100))
        #expect(frames.last?.payload == Array("frame 100".utf8))
    }

    @Test("10 000 small frames in 4 KiB chunks: every frame, nothing left buffered")
    func manySmallFrames() throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10_000 * 64)
        for id in 0..<10_000 as Range<UInt32> {
            bytes += try FrameWriter.encode(kind: .request, requestID: id, method: 2, payload: [0x09, 0x01, 0x00])
        }
        var parser = FrameParser()
        var count = 0
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 4096, bytes.count)
            parser.append(bytes[offset..<end])
            offset = end
            while let frame = try parser.nextFrame() {
                #expect(frame.requestID == UInt32(count))
                count += 1
            }
            #expect(parser.bufferedByteCount < 59)
        }
        #expect(count == 10_000)
        #expect(parser.bufferedByteCount == 0)
    }

    // MARK: Refusals

    /// Feeds `bytes` whole and returns the frames before the error, and the error.
    func framesThenError(_ bytes: [UInt8], chunking: Chunking = .whole, limits: FrameLimits = .default) -> ([Frame], FramingError?) {
        var parser = FrameParser(limits: limits)
        var frames: [Frame] = []
        var offset = 0
        do {
            for size in chunking.sizes(for: bytes.count) {
                parser.append(bytes[offset..<(offset + size)])
                offset += size
                while let frame = try parser.nextFrame() {
                    frames.append(frame)
                }
            }
            return (frames, nil)
        } catch {
            return (frames, error)
        }
    }

    @Test("wrong magic is refused from the first byte, before a whole header arrives")
    func badMagicEarly() {
        var parser = FrameParser()
        parser.append(Array("G".utf8))
        let error = framingError { try parser.nextFrame() }
        #expect(error?.code == .badMagic)
        #expect(error?.message.contains("47") == true)
    }

    @Test("an HTTP request on the port is refused as badMagic")
    func httpRequest() {
        let (frames, error) = framesThenError(Array("GET / HTTP/1.1\r\nHost: kansli\r\n\r\n".utf8))
        #expect(frames.isEmpty)
        #expect(error?.code == .badMagic)
    }

    @Test("a matching magic prefix waits for more")
    func magicPrefix() throws {
        var parser = FrameParser()
        parser.append(Array("KNS".utf8))
        #expect(try parser.nextFrame() == nil)
        parser.append(Array("X".utf8))
        #expect(framingError { try parser.nextFrame() }?.code == .badMagic)
    }

    /// A valid 59-byte frame with header byte `offset` replaced by `value`.
    func frameWithHeaderByte(_ offset: Int, _ value: UInt8) -> [UInt8] {
        var bytes = handmadeFrame(wirePayload: [0x09, 0x01, 0x00])
        bytes[offset] = value
        return bytes
    }

    @Test("a wrong version is refused", arguments: Chunking.fewForRefusals)
    func wrongVersion(chunking: Chunking) {
        let (_, error) = framesThenError(frameWithHeaderByte(4, 1), chunking: chunking)
        #expect(error?.code == .unsupportedVersion)
    }

    @Test("an unknown kind is refused", arguments: Chunking.fewForRefusals)
    func unknownKind(chunking: Chunking) {
        let (_, error) = framesThenError(frameWithHeaderByte(5, 4), chunking: chunking)
        #expect(error?.code == .unknownKind)
    }

    @Test("undefined flag bits are refused", arguments: Chunking.fewForRefusals)
    func badFlags(chunking: Chunking) {
        let (_, error) = framesThenError(frameWithHeaderByte(6, 0x04), chunking: chunking)
        #expect(error?.code == .badFlags)
    }

    @Test("a non-zero reserved byte is refused", arguments: [7, 14, 15])
    func nonZeroReserved(offset: Int) {
        let (_, error) = framesThenError(frameWithHeaderByte(offset, 0x80))
        #expect(error?.code == .badReserved)
    }

    @Test("a MAC field without the MAC flag is refused")
    func macWithoutFlag() {
        let (_, error) = framesThenError(frameWithHeaderByte(40, 0x01))
        #expect(error?.code == .unexpectedMAC)
    }

    @Test("an oversized length is refused with only the 56-byte header supplied",
          arguments: [4 * 1024 * 1024 + 1, Int(UInt32.max)])
    func oversizedFromHeaderAlone(length: Int) {
        let header = FrameHeader(kind: .request, requestID: 31, method: 1, payloadLength: UInt32(length), checksum: 0)
        var parser = FrameParser()
        parser.append(header.encoded())
        #expect(parser.bufferedByteCount == 56)  // not a single payload byte was supplied
        let error = framingError { try parser.nextFrame() }
        #expect(error?.code == .tooLarge)
        #expect(error?.requestID == 31)
        #expect(error?.protocolErrorCode == "too_large")
    }

    @Test("a length of exactly maxPayloadBytes is accepted and waits for the payload")
    func lengthAtLimit() throws {
        let limits = FrameLimits(maxPayloadBytes: 100)
        let header = FrameHeader(kind: .request, requestID: 1, method: 1, payloadLength: 100, checksum: 0)
        var parser = FrameParser(limits: limits)
        parser.append(header.encoded())
        #expect(try parser.nextFrame() == nil)
    }

    @Test("a wrong CRC is refused, naming the request")
    func badChecksum() {
        let bytes = handmadeFrame(requestID: 77, wirePayload: [0x09, 0x01, 0x00], checksum: 0xE98B_D3DD)
        let (frames, error) = framesThenError(bytes)
        #expect(frames.isEmpty)
        #expect(error?.code == .badChecksum)
        #expect(error?.requestID == 77)
        #expect(error?.message.contains("0xE98BD3DD") == true)
    }

    @Test("a flipped payload bit fails the CRC")
    func corruptedPayload() throws {
        var bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: compressiblePayload(500))
        bytes[300] ^= 0x04
        #expect(framesThenError(bytes).1?.code == .badChecksum)
    }

    @Test("garbage after a valid frame: the frame parses, then an error", arguments: Chunking.fewForRefusals)
    func garbageAfterFrame(chunking: Chunking) throws {
        let good = try FrameWriter.encode(kind: .response, requestID: 5, payload: [0x09, 0x01, 0x00])
        let (frames, error) = framesThenError(good + Array("garbage that is long enough to be a header, surely".utf8), chunking: chunking)
        #expect(frames.count == 1)
        #expect(frames.first?.requestID == 5)
        #expect(error?.code == .badMagic)
    }

    // MARK: Compression envelope

    @Test("a corrupt zlib stream is refused, naming the request")
    func corruptZlib() {
        let bytes = handmadeFrame(
            flags: .compressed, requestID: 9, wirePayload: envelope(stated: 100, stream: [0x78, 0x9C, 0xFF, 0xFF, 0xFF])
        )
        let (_, error) = framesThenError(bytes)
        #expect(error?.code == .decompressionFailed)
        #expect(error?.requestID == 9)
        #expect(error?.protocolErrorCode == "bad_request")
    }

    @Test("a compressed payload shorter than its length prefix is refused")
    func envelopeTooShort() {
        let (_, error) = framesThenError(handmadeFrame(flags: .compressed, wirePayload: [0x00, 0x01]))
        #expect(error?.code == .decompressionFailed)
    }

    @Test("a bomb stating its true 20 MiB is refused before inflating")
    func bombStatedHonestly() throws {
        let stream = try Zlib.compress([UInt8](repeating: 0, count: 20 * 1024 * 1024))
        let bytes = handmadeFrame(flags: .compressed, requestID: 13, wirePayload: envelope(stated: 20 * 1024 * 1024, stream: stream))
        #expect(bytes.count < 64 * 1024)
        let (_, error) = framesThenError(bytes)
        #expect(error?.code == .decompressedTooLarge)
        #expect(error?.requestID == 13)
        #expect(error?.protocolErrorCode == "too_large")
    }

    @Test("a bomb stating a small length is stopped one byte past it")
    func bombStatedSmall() throws {
        let stream = try Zlib.compress([UInt8](repeating: 0, count: 20 * 1024 * 1024))
        let bytes = handmadeFrame(flags: .compressed, wirePayload: envelope(stated: 1024, stream: stream))
        let (_, error) = framesThenError(bytes)
        #expect(error?.code == .decompressedLengthMismatch)
    }

    @Test("a stated length over a custom maxDecompressedBytes is refused")
    func customDecompressedLimit() throws {
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: compressiblePayload(100_000))
        let limits = FrameLimits(maxDecompressedBytes: 99_999)
        let (_, error) = framesThenError(bytes, limits: limits)
        #expect(error?.code == .decompressedTooLarge)
    }

    @Test("a stream inflating to fewer bytes than stated is refused")
    func statedLengthTooLong() throws {
        let stream = try Zlib.compress(compressiblePayload(1000))
        let (_, error) = framesThenError(handmadeFrame(flags: .compressed, wirePayload: envelope(stated: 1001, stream: stream)))
        #expect(error?.code == .decompressedLengthMismatch)
    }

    @Test("a stream inflating to more bytes than stated is refused")
    func statedLengthTooShort() throws {
        let stream = try Zlib.compress(compressiblePayload(1000))
        let (_, error) = framesThenError(handmadeFrame(flags: .compressed, wirePayload: envelope(stated: 999, stream: stream)))
        #expect(error?.code == .decompressedLengthMismatch)
    }

    @Test("a hand-made envelope with the exact stated length is accepted")
    func handmadeEnvelope() throws {
        let payload = compressiblePayload(1000)
        let wire = envelope(stated: 1000, stream: try Zlib.compress(payload))
        let frame = try #require(try parse(handmadeFrame(flags: .compressed, wirePayload: wire)).first)
        #expect(frame.payload == payload)
        #expect(frame.wirePayload == wire)
    }

    // MARK: Before the handshake

    @Test("under the handshake limits a compressed frame is refused from its header, before any payload")
    func handshakeLimitsRefuseCompression() throws {
        let bytes = try FrameWriter.encode(kind: .hello, requestID: 0, payload: compressiblePayload(100_000))
        #expect(bytes[6] & FrameFlags.compressed.rawValue != 0)
        var parser = FrameParser(limits: .handshake)
        parser.append(bytes[0..<FrameHeader.byteCount])
        #expect(framingError { try parser.nextWireFrame() }?.code == .badFlags)
    }

    @Test("under the handshake limits a payload over 4 KiB is refused, 4 KiB accepted")
    func handshakeLimitsRefuseLargeFrames() throws {
        let over = try FrameWriter.encode(kind: .hello, requestID: 0, payload: [UInt8](repeating: 1, count: 4097), allowCompression: false)
        #expect(framingError { () -> Frame? in
            var parser = FrameParser(limits: .handshake)
            parser.append(over[0..<FrameHeader.byteCount])
            return try parser.nextWireFrame()
        }?.code == .tooLarge)
        let exact = try FrameWriter.encode(kind: .hello, requestID: 0, payload: [UInt8](repeating: 1, count: 4096), limits: .handshake)
        #expect(try parse(exact, limits: .handshake).first?.payload.count == 4096)
    }

    @Test("a wire frame is not inflated until asked, so its MAC can be checked first")
    func wireFrameIsInflatedOnRequest() throws {
        let payload = compressiblePayload(100_000)
        var parser = FrameParser()
        parser.append(try FrameWriter.encode(kind: .request, requestID: 3, method: 1, payload: payload))
        let wire = try #require(try parser.nextWireFrame())
        #expect(!wire.isInflated)
        #expect(wire.payload == wire.wirePayload)
        #expect(wire.payload.count < payload.count)
        let inflated = try wire.inflated(limits: .default)
        #expect(inflated.isInflated)
        #expect(inflated.payload == payload)
        // A corrupt envelope fails only when inflated, naming the request.
        let corrupt = handmadeFrame(flags: .compressed, requestID: 9, wirePayload: envelope(stated: 100, stream: [0x78, 0x9C, 0xFF]))
        var second = FrameParser()
        second.append(corrupt)
        let unopened = try #require(try second.nextWireFrame())
        let error = framingError { try unopened.inflated(limits: .default) }
        #expect(error?.code == .decompressionFailed)
        #expect(error?.requestID == 9)
    }

    // MARK: Poisoning

    @Test("after an error the parser rethrows it and ignores new bytes")
    func poisoned() throws {
        var parser = FrameParser()
        parser.append(frameWithHeaderByte(5, 99))
        let first = framingError { try parser.nextFrame() }
        #expect(first?.code == .unknownKind)
        #expect(parser.failure == first)
        #expect(parser.bufferedByteCount == 0)

        parser.append(try FrameWriter.encode(kind: .response, requestID: 1, payload: []))
        #expect(parser.bufferedByteCount == 0)
        #expect(framingError { try parser.nextFrame() } == first)
        #expect(framingError { try parser.nextFrame() } == first)
    }
}

extension Chunking {
    /// Enough chunkings to show a refusal does not depend on how the bytes arrive.
    static let fewForRefusals: [Chunking] = [.whole, .bytewise, .random(seed: 11, maxChunk: 9)]
}
