import Foundation
import KansliProtocol
import Testing

@Suite("Roles, methods and errors")
struct ProtocolTypesTests {
    @Test("roles are ordered read < write < admin")
    func roleOrder() {
        #expect(Role.read < .write && Role.write < .admin)
        #expect(Role.allCases.sorted() == [.read, .write, .admin])
    }

    @Test("a method is a write exactly when it needs write or admin")
    func writeMethods() {
        #expect(!Method<Empty, Empty>(id: 1, name: "r", requiredRole: .read).isWrite)
        #expect(Method<Empty, Empty>(id: 2, name: "w", requiredRole: .write).isWrite)
        #expect(Method<Empty, Empty>(id: 3, name: "a", requiredRole: .admin).isWrite)
    }

    @Test("common method ids sit in the common range and are distinct")
    func commonMethodIDs() {
        let ids = [CommonMethods.health.id, CommonMethods.stats.id, CommonMethods.audit.id]
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy(MethodRange.common.contains))
    }

    @Test("an error keeps its code, message and field through coding; unknown codes survive")
    func errorCoding() throws {
        let error = ServiceError.validation("Luhn check digit is wrong", field: "parties[2].organisationNumber")
        let decoded = try JSONDecoder().decode(ServiceError.self, from: try JSONEncoder().encode(error))
        #expect(decoded == error)
        #expect(decoded.description == "validation: parties[2].organisationNumber: Luhn check digit is wrong")
        let future = try JSONDecoder().decode(ServiceError.self, from: Data(#"{"code":"rate_limited","message":"slow down"}"#.utf8))
        #expect(future.code.rawValue == "rate_limited")
        #expect(future.field == nil)
    }
}
