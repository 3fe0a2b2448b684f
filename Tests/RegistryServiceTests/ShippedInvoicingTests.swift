import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// The invoicing details the shipped committee files carry for finance's invoices: complete for
/// every party, stored and read back whole by an import, and marked as invented (the seeds give
/// none).
@Suite("Shipped invoicing details")
struct ShippedInvoicingTests {
    static let files = ["norrbotten-e-namnd.json", "jamtland-gns.json"]

    @Test("Each seed file imports and every party's invoice details read back complete, the host's with a bankgiro",
          arguments: files)
    func importedDetailsAreComplete(_ name: String) throws {
        let file = try Fixtures.shipped(name)
        let host = try RegistryTestHost()
        try host.importShipped(file)
        let parties = try host.call(RegistryMethods.partyList, ListRequest(committee: file.committee.code))
        #expect(parties.count == file.parties.count)
        for party in parties {
            #expect(party.invoicing.missing(isHost: party.isHost) == [], "\(party.code)")
            #expect(party.invoicing == file.parties.first { $0.code == party.code }?.invoicing, "\(party.code)")
            #expect((party.invoicing.bankgiro != nil) == party.isHost, "\(party.code): only the host has a bankgiro")
        }
    }

    @Test("The hosts' bankgiro numbers pass the Luhn check: Luleå 9999-0012, Region Jämtland Härjedalen 9999-0020")
    func hostBankgiros() throws {
        let hosts = try (Fixtures.norrbotten().parties + Fixtures.jamtland().parties).filter(\.isHost)
        #expect(hosts.map(\.code) == ["lulea", "region-jh"])
        #expect(hosts.compactMap(\.invoicing.bankgiro) == ["9999-0012", "9999-0020"])
        for host in hosts {
            #expect(throws: Never.self) { try Bankgiro(parsing: host.invoicing.bankgiro ?? "") }
        }
    }

    @Test("Every Peppol id is 0007: and the party's organisationsnummer without the hyphen", arguments: files)
    func peppolIDsFollowTheOrganisationNumber(_ name: String) throws {
        for party in try Fixtures.shipped(name).parties {
            let digits = party.organisationNumber.filter { $0 != "-" }
            #expect(party.invoicing.peppolID == "0007:\(digits)", "\(party.code)")
        }
    }

    @Test("Every detail is marked invented, and a committee note says so in capitals", arguments: files)
    func everyDetailIsMarkedInvented(_ name: String) throws {
        let file = try Fixtures.shipped(name)
        for party in file.parties {
            let expected: [InvoiceField] = party.isHost ? InvoiceField.allCases : [.address, .buyerReference, .peppolID]
            #expect(party.invoicing.invented == expected, "\(party.code)")
        }
        #expect(file.committee.notes.contains { $0.hasPrefix("INVENTED: every party's invoicing details") })
    }
}
