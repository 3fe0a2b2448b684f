// KansliFraming — bytes in, frames out; frames in, bytes out.
//
// What it is for
// --------------
// Every Kansli connection carries a stream of frames: a fixed 56-byte big-endian header
// (`FrameHeader`) followed by a payload. This module turns a byte stream into `Frame` values
// (`FrameParser`, incremental, for bytes that arrive in arbitrary chunks) and turns a payload
// into the exact bytes to write (`FrameWriter`, one contiguous `[UInt8]` per frame).
//
// Along the way it enforces every limit that protects a receiver from its peer
// (`FrameLimits`): the wire payload length is refused from the header alone, before a byte of
// payload is buffered; a compressed payload states its inflated length, which is capped before
// any allocation and must match exactly. Each violation is a `FramingError` with a stable code,
// a message a person can act on, and the protocol error code to report.
//
// The payload checksum is zlib's CRC-32 (`CRC32`), compression is a zlib stream (`Zlib`); both
// wrap the system zlib through the `CZlib` module and check every return code.
//
// What it must not do
// -------------------
// - Know message types: a payload is opaque bytes. Decoding them is KansliCoding/KansliProtocol.
// - Touch sockets, clocks or threads: KansliTransport moves the bytes and owns the connection.
// - Do cryptography: the MAC field is filled and checked by the transport. Framing only says
//   which bytes the MAC covers (`Frame.withMACInput`, `FrameWriter.authenticate`) and keeps the
//   field zero when the MAC flag is clear.
// - Recover from a framing error: after one, the parser stays failed and the transport closes
//   the connection, because the stream can no longer be trusted to be in sync.
//
// The wire format is specified in docs/PROTOCOL.md, §2.
