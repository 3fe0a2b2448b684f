import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// Signer-role client keys: each belongs to one person, and reads only what that person needs.
@Suite("Signer keys")
struct SignerClientTests {
    let registry: RegistryTestHost
    let day = Fixtures.day("2022-06-22")

    init() throws {
        registry = try RegistryTestHost("signers")
        try registry.importShipped(try Fixtures.norrbotten())
        for (person, digit) in [("isak-utsi", "a"), ("carina-sammeli", "b"), ("robert-karlsson", "c")] {
            _ = try registry.call(RegistryMethods.signingKeyAdd, SigningKeyAdd(
                committee: "NBE", id: "\(person)-key-1", person: person,
                publicKey: String(repeating: digit, count: 64), validFrom: Fixtures.day("2022-01-01")))
        }
        _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "signer-isak-utsi", person: "isak-utsi"))
    }

    /// Calls as the signer key `signer-isak-utsi`.
    func asIsak<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response {
        try registry.host.call(method, request, keyID: "signer-isak-utsi", role: .signer)
    }

    @Test("a signer key resolves to its person with the signing keys usable that day, for the services that check signatures")
    func signerGet() throws {
        let identity = try registry.call(RegistryMethods.signerGet, SignerQuery(keyID: "signer-isak-utsi", on: day), role: .read)
        #expect(identity.client.committee == "NBE" && identity.client.person == "isak-utsi")
        #expect(identity.name == "Isak Utsi")
        #expect(identity.signingKeys.map(\.id) == ["isak-utsi-key-1"])
        // The signer itself may ask, about itself only (an empty key id means itself).
        #expect(try asIsak(RegistryMethods.signerGet, SignerQuery(keyID: "", on: day)).client.keyID == "signer-isak-utsi")
        expectServiceError(.forbidden, field: "keyID") {
            _ = try asIsak(RegistryMethods.signerGet, SignerQuery(keyID: "signer-robert-karlsson", on: day))
        }
    }

    @Test("a signer key lists and reads only its own person's signing keys")
    func ownKeysOnly() throws {
        let keys = try asIsak(RegistryMethods.signingKeyList, ListRequest(committee: "NBE"))
        #expect(keys.map(\.person) == ["isak-utsi"])
        #expect(try asIsak(RegistryMethods.signingKeyGet, RecordRef(committee: "NBE", id: "isak-utsi-key-1")).person == "isak-utsi")
        expectServiceError(.forbidden, field: "id") {
            _ = try asIsak(RegistryMethods.signingKeyGet, RecordRef(committee: "NBE", id: "carina-sammeli-key-1"))
        }
        expectServiceError(.forbidden, field: "person") {
            _ = try asIsak(RegistryMethods.signingKeyList, ListRequest(committee: "NBE", person: "carina-sammeli"))
        }
        // A read key sees all of them.
        #expect(try registry.call(RegistryMethods.signingKeyList, ListRequest(committee: "NBE"), role: .read).count == 3)
    }

    @Test("a signer key may not write to the registry or read anything else")
    func nothingElse() throws {
        #expect(throws: ServiceError.self) {
            _ = try asIsak(RegistryMethods.partyList, ListRequest(committee: "NBE"))
        }
        #expect(throws: ServiceError.self) {
            _ = try asIsak(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(committee: "NBE", key: "isak-utsi-key-1",
                                                                           revokedOn: day, reason: "lost"))
        }
        for method in RegistryMethods.all where method.roles.contains(.signer) {
            #expect(method.access == .read, "\(method.name) admits signers but writes")
        }
    }

    @Test("a signer key that is not mapped is refused, and told who can map it")
    func unmappedSigner() throws {
        do {
            _ = try registry.host.call(RegistryMethods.signingKeyList, ListRequest(committee: "NBE"), keyID: "signer-nobody", role: .signer)
            Issue.record("an unmapped signer read keys")
        } catch let error as ServiceError {
            #expect(error.code == .forbidden)
            #expect(error.message.contains("registry.signer.map"))
        }
    }

    @Test("a key belongs to one person: mapping it twice is a conflict that says to unmap first; unmapping frees it")
    func oneKeyOnePerson() throws {
        let error = expectServiceError(.conflict, field: "keyID") {
            _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "signer-isak-utsi", person: "carina-sammeli"))
        }
        #expect(error?.message.contains("NBE/isak-utsi") == true && error?.message.contains("unmap it first") == true)
        #expect(try registry.call(RegistryMethods.signerUnmap, SignerRef(keyID: "signer-isak-utsi")).person == "isak-utsi")
        _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "signer-isak-utsi", person: "carina-sammeli"))
        #expect(try registry.call(RegistryMethods.signerList, CommitteeRef(committee: "NBE")).map(\.person) == ["carina-sammeli"])
        let audit = try registry.call(CommonMethods.audit, AuditQuery(limit: 3, entity: "signer-key"))
        #expect(audit.map(\.action) == ["map", "unmap", "map"])
    }

    @Test("mapping names a person that exists and a key id the key files accept; only admin keys map")
    func mappingIsChecked() throws {
        expectServiceError(.notFound, field: "person") {
            _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "k", person: "nobody"))
        }
        expectServiceError(.validation, field: "keyID") {
            _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "has space", person: "isak-utsi"))
        }
        expectServiceError(.forbidden, field: nil) {
            _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "k2", person: "isak-utsi"), role: .write)
        }
    }

    @Test("the mapping survives re-importing the committee: it is configuration, not a committee record")
    func survivesReimport() throws {
        _ = try registry.call(RegistryMethods.importCommittee, ImportRequest(file: try Fixtures.norrbotten(), replaceExisting: true))
        let identity = try registry.call(RegistryMethods.signerGet, SignerQuery(keyID: "signer-isak-utsi", on: day))
        #expect(identity.client.person == "isak-utsi")
        #expect(identity.signingKeys.isEmpty)  // the re-imported file has no keys
    }
}
