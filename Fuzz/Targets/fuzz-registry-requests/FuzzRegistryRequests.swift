// A hostile payload for any registry method, through the same ServiceHost a network request
// reaches after its MAC verified: the binary decoder on every request type, then the registry's
// validation and its database writes. The first two bytes choose the method, the rest is the
// payload. The database is one temporary file for the session, so writes accumulate as they
// would on a service that a client keeps sending garbage to.
import Glibc
import KansliProtocol
import KansliTransport
import RegistryAPI
import RegistryService
import KansliService

let methods = RegistryMethods.all.map(\.id) + [CommonMethods.health.id, CommonMethods.audit.id]

let host: ServiceHost = {
    var template = Array("/tmp/kansli-fuzz-registry-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    return try! ServiceHost(definition: RegistryDefinition(), databasePath: directory + "/registry.sqlite",
                            log: Log(service: "fuzz", level: .error))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let method = methods[(Int(bytes[0]) << 8 | Int(bytes[1])) % methods.count]
    let request = IncomingRequest(method: method, requestID: 1, idempotencyKey: nil, payload: Array(bytes[2...]),
                                  keyID: "fuzz", role: .admin)
    _ = host.handle(request)
    return 0
}
