import KansliProtocol
import KansliStore
import RegistryAPI

/// The table of signer-role client keys and their persons, on one connection (inside the
/// request's transaction).
struct SignerClientStore {
    let connection: Connection

    /// The mapping of `keyID`, if there is one.
    func client(_ keyID: String) throws -> SignerClient? {
        try connection.queryOne(
            "SELECT key_id, committee_code, person_id, mapped_on FROM registry_signer_client WHERE key_id = ?",
            [.text(keyID)]
        ).map(SignerClientStore.client(from:))
    }

    /// The mappings to persons of `committee`, by key id.
    func clients(of committee: String) throws -> [SignerClient] {
        try connection.query(
            "SELECT key_id, committee_code, person_id, mapped_on FROM registry_signer_client WHERE committee_code = ? ORDER BY key_id",
            [.text(committee)]
        ).map(SignerClientStore.client(from:))
    }

    func insert(_ client: SignerClient) throws {
        try connection.execute(
            "INSERT INTO registry_signer_client (key_id, committee_code, person_id, mapped_on) VALUES (?, ?, ?, ?)",
            [.text(client.keyID), .text(client.committee), .text(client.person), .text(client.mappedOn.description)])
    }

    func delete(_ keyID: String) throws {
        try connection.execute("DELETE FROM registry_signer_client WHERE key_id = ?", [.text(keyID)])
    }

    private static func client(from row: Row) throws -> SignerClient {
        let day: String = try row.get(3)
        guard let mappedOn = CalendarDate(day) else {
            throw ServiceError(.internal, "a stored signer mapping has a malformed date")
        }
        return SignerClient(keyID: try row.get(0), committee: try row.get(1), person: try row.get(2), mappedOn: mappedOn)
    }
}
