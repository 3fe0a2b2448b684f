// Bytes from the network into the frame parser, in the chunks a socket might deliver them:
// headers, CRC, lengths, the compression envelope (capped inflate), limits. Any input must end
// in frames or a FramingError, never a crash, a hang or an allocation past the limits.
import KansliFraming

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte chooses the chunk size, so splits inside a header are explored too.
    let chunk = Int(bytes[0]) + 1
    // Smaller limits than a server's, so that inputs reach them quickly.
    var limits = FrameLimits.default
    limits.maxPayloadBytes = 64 * 1024
    limits.maxDecompressedBytes = 256 * 1024
    var parser = FrameParser(limits: limits)
    var offset = 1
    while offset < bytes.count {
        let end = min(bytes.count, offset + chunk)
        parser.append(bytes[offset..<end])
        offset = end
        do {
            while let frame = try parser.nextFrame() {
                _ = frame.payload.count
            }
        } catch {
            return 0
        }
    }
    return 0
}
