// A committee file as `kansli registry import` reads it: JSON into a CommitteeFile, the checks
// of the whole file, and its binary encoding round trip (what the CLI sends to the registry).
import Foundation
import KansliCLI
import KansliProtocol
import RegistryAPI
import RegistryService

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let file = try? CommitteeFile(jsonData: Data(bytes: data, count: size)) else { return 0 }
    _ = try? CommitteeValidator.validateFile(file)
    if let encoded = try? ProtocolCoding.encode(file) {
        let decoded = try? ProtocolCoding.decode(CommitteeFile.self, from: encoded, what: "committee file")
        precondition(decoded == file, "a committee file did not survive the binary coder")
    }
    return 0
}
