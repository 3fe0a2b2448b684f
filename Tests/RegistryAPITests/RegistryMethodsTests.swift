import KansliProtocol
import Testing

@testable import RegistryAPI

@Suite("RegistryMethods")
struct RegistryMethodsTests {
    @Test("Every method id is unique and in the registry's range 0x0100…0x01FF")
    func idsAreUniqueAndInRange() {
        let ids = RegistryMethods.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy(MethodRange.registry.contains))
        #expect(ids == ids.sorted(), "RegistryMethods.all lists methods in id order")
    }

    @Test("Every name is unique, dotted and starts with registry.")
    func namesAreUniqueAndDotted() {
        let names = RegistryMethods.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix("registry.") })
    }

    @Test("Reads admit every reader, changes write and admin keys, import and signer mapping admin keys alone; signers read only their own keys and identity")
    func rolesFollowWhatTheMethodDoes() {
        let signerReads: Set<String> = ["registry.signingkey.get", "registry.signingkey.list", "registry.signer.get"]
        for method in RegistryMethods.all {
            let verb = method.name.split(separator: ".").last.map(String.init) ?? ""
            switch verb {
            case _ where signerReads.contains(method.name):
                #expect(method.access == .read && method.roles == RoleSet.readers.union(.signer), "\(method.name)")
            case "map", "unmap":
                #expect(method.access == .write && method.roles == .admins, "\(method.name)")
            case "get", "list", "table", "composition", "substitutes", "export", "check":
                #expect(method.access == .read && method.roles == .readers, "\(method.name)")
            case "import":
                #expect(method.access == .write && method.roles == .admins, "\(method.name)")
            default:
                #expect(method.access == .write && method.roles == .writers, "\(method.name)")
            }
        }
        #expect(RegistryMethods.importCommittee.isWrite)
        #expect(!RegistryMethods.composition.isWrite)
    }
}
