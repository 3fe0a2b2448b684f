import KansliProtocol
import KansliPlatform
import KansliService
import KansliStore
import RegistryAPI

// Signer-role client keys: which person each belongs to, and what a signer key may read.
extension RegistryHandlers {
    /// The longest client key id the services' key files accept.
    static let maximumKeyIDBytes = 64

    static func signerMap(_ request: SignerMap, _ context: HandlerContext) throws -> SignerClient {
        try checkKeyID(request.keyID)
        let (_, state) = try RegistryStore(context).state(of: request.committee)
        guard state.file.persons.contains(where: { $0.id == request.person }) else {
            throw ServiceError.notFound("\(state.code) has no person \(ServiceError.quote(request.person))", field: "person")
        }
        let signers = SignerClientStore(connection: context.connection)
        if let existing = try signers.client(request.keyID) {
            throw ServiceError.conflict(
                "key \(ServiceError.quote(request.keyID)) already belongs to \(existing.committee)/\(existing.person) (since \(existing.mappedOn)); unmap it first (registry.signer.unmap)",
                field: "keyID")
        }
        let client = SignerClient(keyID: request.keyID, committee: state.code, person: request.person,
                                  mappedOn: today(context.now))
        try signers.insert(client)
        try context.audit(action: "map", entity: "signer-key", entityID: entityID(state.code, request.person),
                          summary: "client key \(request.keyID) signs for \(state.name(ofPerson: request.person))")
        return client
    }

    static func signerUnmap(_ request: SignerRef, _ context: HandlerContext) throws -> SignerClient {
        try checkKeyID(request.keyID)
        let signers = SignerClientStore(connection: context.connection)
        guard let client = try signers.client(request.keyID) else {
            throw ServiceError.notFound("key \(ServiceError.quote(request.keyID)) is not mapped to a person", field: "keyID")
        }
        try signers.delete(request.keyID)
        try context.audit(action: "unmap", entity: "signer-key", entityID: entityID(client.committee, client.person),
                          summary: "client key \(client.keyID) no longer signs for \(client.person)")
        return client
    }

    static func signerList(_ request: CommitteeRef, _ context: HandlerContext, _ reader: RegistryReadContext) throws -> [SignerClient] {
        let state = try reader.state(of: request.committee)
        return try SignerClientStore(connection: context.connection).clients(of: state.code)
    }

    static func signerGet(_ request: SignerQuery, _ context: HandlerContext, _ reader: RegistryReadContext) throws -> SignerIdentity {
        let keyID = context.role == .signer && request.keyID.isEmpty ? context.keyID : request.keyID
        try checkKeyID(keyID)
        if context.role == .signer && keyID != context.keyID {
            throw ServiceError(.forbidden, "a signer key may ask only about itself", field: "keyID")
        }
        let client = try mappedClient(keyID, on: context.connection)
        let state = try reader.state(of: client.committee)
        guard let person = state.file.persons.first(where: { $0.id == client.person }) else {
            throw ServiceError.notFound(
                "key \(ServiceError.quote(keyID)) belongs to \(client.committee)/\(client.person), who is no longer in the registry; map it again",
                field: "keyID")
        }
        let keys = state.file.signingKeys.filter { $0.person == person.id && $0.isUsable(on: request.on) }
        return SignerIdentity(client: client, name: person.name, signingKeys: keys)
    }

    /// The person a signer-role caller is, or nil for any other role: a signer key's reads are
    /// narrowed to that person, and a signer key the registry does not know is refused.
    static func signerScope(_ context: HandlerContext) throws -> SignerClient? {
        guard context.role == .signer else { return nil }
        do {
            return try mappedClient(context.keyID, on: context.connection)
        } catch let error as ServiceError where error.code == .notFound {
            throw ServiceError(.forbidden, "signer key \(ServiceError.quote(context.keyID)) is not mapped to a person; an administrator maps it with registry.signer.map")
        }
    }

    private static func mappedClient(_ keyID: String, on connection: Connection) throws -> SignerClient {
        guard let client = try SignerClientStore(connection: connection).client(keyID) else {
            throw ServiceError.notFound("key \(ServiceError.quote(keyID)) is not mapped to a person", field: "keyID")
        }
        return client
    }

    /// `validation` unless `keyID` could be a key id of the services' key files.
    static func checkKeyID(_ keyID: String) throws {
        let bytes = keyID.utf8
        guard !bytes.isEmpty, bytes.count <= maximumKeyIDBytes,
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") })
        else {
            throw ServiceError.validation(
                "key id \(ServiceError.quote(keyID)) must be 1–\(maximumKeyIDBytes) printable ASCII characters without spaces or #",
                field: "keyID")
        }
    }

    /// The calendar day of `now` in Europe/Stockholm.
    static func today(_ now: Timestamp) -> CalendarDate {
        CalendarDate.today(at: now)
    }
}
