import Foundation
import KansliProtocol
import Testing

@Suite("Roles, methods and errors")
struct ProtocolTypesTests {
    @Test("the usual role sets nest (readers ⊃ writers ⊃ admins) and none holds a signer")
    func roleSets() {
        #expect(RoleSet.readers.roles == [.read, .write, .admin])
        #expect(RoleSet.writers.roles == [.write, .admin])
        #expect(RoleSet.admins.roles == [.admin])
        #expect(RoleSet.readers.isSuperset(of: .writers) && RoleSet.writers.isSuperset(of: .admins))
        for set in [RoleSet.readers, .writers, .admins] { #expect(!set.contains(.signer)) }
        #expect(RoleSet([.signer, .read]).description == "read, signer")
        #expect(Role(rawValue: "signer") == .signer)
    }

    @Test("access, not the roles, says whether a method writes: a signer's write admits only signers")
    func writeMethods() {
        #expect(!Method<Empty, Empty>(id: 1, name: "r", access: .read, roles: .readers).isWrite)
        #expect(Method<Empty, Empty>(id: 2, name: "w", access: .write, roles: .writers).isWrite)
        #expect(Method<Empty, Empty>(id: 3, name: "a", access: .write, roles: .admins).isWrite)
        let sign = Method<Empty, Empty>(id: 4, name: "s", access: .write, roles: .signer)
        #expect(sign.isWrite && sign.roles.roles == [.signer])
        #expect(!Method<Empty, Empty>(id: 5, name: "sr", access: .read, roles: .signer).isWrite)
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
