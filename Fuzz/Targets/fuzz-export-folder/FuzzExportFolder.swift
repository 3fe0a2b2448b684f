// The offline verifier (`kansli protocol verify --offline`) over a hostile export folder. The
// input is a folder packed as records: a 1-byte name length, the name, a 4-byte big-endian
// length, the file's bytes (Fuzz/make-corpus.py packs real exports the same way). Whatever the
// files hold, the verifier answers a report or a refusal, never a crash, and a valid report
// needs every check passed.
import KansliSigning

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var files: [String: [UInt8]] = [:]
    var position = 0
    while position < bytes.count {
        let nameLength = Int(bytes[position])
        position += 1
        guard position + nameLength + 4 <= bytes.count else { break }
        let name = String(decoding: bytes[position..<(position + nameLength)], as: UTF8.self)
        position += nameLength
        let length = bytes[position..<(position + 4)].reduce(0) { $0 << 8 | Int($1) }
        position += 4
        let end = min(bytes.count, position + length)
        files[name] = Array(bytes[position..<end])
        position = end
    }
    if let report = try? ExportVerifier.verify(files) {
        precondition(!report.valid || report.checks.allSatisfy(\.passed), "a valid report with a failed check")
    }
    return 0
}
