import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// Every column the store writes is read back into the same field: the SELECT lists and the
/// readers of `RegistryRows` agree (debug builds also check each column's name as it is read).
@Suite("Registry rows")
struct RegistryRowsTests {
    /// Norrbotten with every optional field of every kind of record set, where the seed leaves
    /// some empty: invoicing, contact details, notes, end dates, a ranked pairing, a revoked key.
    static func everyFieldSet() throws -> CommitteeFile {
        var file = try Fixtures.norrbotten()
        file.committee.establishedOn = Fixtures.day("2013-03-25")
        file.committee.endedOn = Fixtures.day("2030-12-31")
        for index in file.parties.indices {
            file.parties[index].leftOn = Fixtures.day("2030-12-31")
        }
        let boden = file.parties.firstIndex { $0.code == "boden" }!
        file.parties[boden].invoicing = InvoiceDetails(
            address: PostalAddress(lines: ["Bodens kommun", "Ekonomikontoret"], postalCode: "961 86", city: "Boden"),
            buyerReference: "E-nämnden", peppolID: "0007:2120002767")
        // Only the host has a bankgiro.
        let host = file.parties.firstIndex { $0.isHost }!
        file.parties[host].invoicing.bankgiro = "5050-1055"
        file.persons[0].email = "isak.utsi@example.se"
        file.persons[0].phone = "070-123 45 67"
        file.persons[0].note = "Contact through the municipality."
        file.appointments[0].note = "Appointed by the municipal council."
        file.staff[0].to = Fixtures.day("2022-12-31")
        // An order of service instead of a personal ersättare.
        file.pairings[0].ledamot = nil
        file.pairings[0].rank = 1
        file.signingKeys = [SigningKey(
            id: "robert-karlsson-key-1", person: "robert-karlsson", publicKey: String(repeating: "3c", count: 32),
            validFrom: Fixtures.day("2022-01-01"), validTo: Fixtures.day("2023-12-31"),
            revokedOn: Fixtures.day("2022-06-01"), revocationReason: "The laptop was lost.")]
        return file
    }

    @Test("A committee with every optional field set is exported exactly as it was imported")
    func everyFieldRoundTrips() throws {
        let file = try Self.everyFieldSet()
        let host = try RegistryTestHost()
        try host.importShipped(file)
        #expect(try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")) == file)
    }
}
