// What an offline verifier reads from an export: signature statements and log entries. Every
// input is refused or read into a value that writes back to the same bytes; a log of entries
// separated by empty lines is checked as a chain.
import KansliSigning

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let statement = try? SignatureStatement(parsing: bytes) {
        precondition((try? statement.bytes()) == bytes, "a statement read back differently")
    }
    if let entry = try? LogEntry(parsing: bytes) {
        precondition((try? entry.bytes()) == bytes, "a log entry read back differently")
    }
    var entries: [[UInt8]] = []
    var current: [UInt8] = []
    for (index, byte) in bytes.enumerated() {
        current.append(byte)
        if byte == 0x0A, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
            entries.append(current)
            current = []
        }
    }
    if !current.isEmpty { entries.append(current) }
    _ = LogChain.verify(entries.map { $0.first == 0x0A ? Array($0.dropFirst()) : $0 })
    return 0
}
