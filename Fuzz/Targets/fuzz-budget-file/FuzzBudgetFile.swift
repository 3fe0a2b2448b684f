// A budget file as `kansli finance import` reads it: JSON into a FinanceBudgetFile, its
// conversion into budget requests (amounts in kronor as text, models, keys), and the binary
// encoding round trip of each request (what the CLI sends to finance).
import FinanceAPI
import Foundation
import KansliCLI
import KansliProtocol

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let file = try? FinanceBudgetFile(jsonData: Data(bytes: data, count: size)),
          let requests = try? file.requests() else { return 0 }
    for request in requests {
        if let encoded = try? ProtocolCoding.encode(request.create) {
            let decoded = try? ProtocolCoding.decode(BudgetCreate.self, from: encoded, what: "budget")
            precondition(decoded == request.create, "a budget did not survive the binary coder")
        }
    }
    return 0
}
