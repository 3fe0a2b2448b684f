import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("PartyRules")
struct PartyRulesTests {
    private let path = FieldPath("party")

    private func boden(_ state: CommitteeState) -> Party { state.party("boden")! }

    @Test("A changed digit in Boden's organisationsnummer is a validation error on organisationNumber")
    func invalidOrganisationNumber() throws {
        let state = try Fixtures.norrbottenState()
        var party = boden(state)
        party.organisationNumber = "212000-2768"
        let error = expectServiceError(.validation, field: "party.organisationNumber") {
            try PartyRules.validate(party, in: state, at: path)
        }
        #expect(error?.message.contains("check digit") == true)
    }

    @Test("Adding Luleå's organisationsnummer again under another code is a conflict: a party is in a committee once")
    func samePartyTwice() throws {
        let state = try Fixtures.norrbottenState()
        let twin = Party(code: "lulea-2", name: "Luleå kommun (igen)", kind: .kommun, organisationNumber: "2120002742",
                         joinedOn: Fixtures.day("2020-01-01"))
        let error = expectServiceError(.conflict, field: "party.organisationNumber") {
            try PartyRules.validate(twin, in: state, at: path)
        }
        #expect(error?.message.contains("Luleå kommun (lulea)") == true)
    }

    @Test("A second party with the same name is a conflict")
    func sameNameTwice() throws {
        let state = try Fixtures.norrbottenState()
        let twin = Party(code: "boden-2", name: "bodens kommun", kind: .kommun, organisationNumber: "212000-2627",
                         joinedOn: Fixtures.day("2020-01-01"))
        expectServiceError(.conflict, field: "party.name") { try PartyRules.validate(twin, in: state, at: path) }
    }

    @Test("A leave date before the join date is a validation error on leftOn")
    func leaveBeforeJoin() throws {
        let state = try Fixtures.norrbottenState()
        var party = boden(state)
        party.leftOn = Fixtures.day("2013-03-24")
        let error = expectServiceError(.validation, field: "party.leftOn") {
            try PartyRules.validate(party, in: state, at: path)
        }
        #expect(error?.message.contains("before it joined on 2013-03-25") == true)
    }

    @Test("Leaving on the day of joining is allowed: a one-day membership")
    func leaveOnJoinDayIsAllowed() throws {
        let state = CommitteeState(CommitteeFile(committee: try Fixtures.norrbotten().committee))
        let party = Party(code: "x", name: "X kommun", kind: .kommun, organisationNumber: "212000-2627",
                          joinedOn: Fixtures.day("2020-01-01"), leftOn: Fixtures.day("2020-01-01"))
        try PartyRules.validate(party, in: state, at: path)
    }

    @Test("A second host while Luleå is host is a conflict on isHost")
    func twoHostsAtOnce() throws {
        let state = try Fixtures.norrbottenState()
        var party = boden(state)
        party.isHost = true
        expectServiceError(.conflict, field: "party.isHost") { try PartyRules.validate(party, in: state, at: path) }
    }

    @Test("A party joining after the old host has left may be the new host")
    func hostAfterHostLeft() throws {
        let file = try Fixtures.norrbotten().replacingParty("lulea") { $0.leftOn = Fixtures.day("2022-12-31") }
        let state = CommitteeState(file)
        let newHost = Party(code: "ny-vard", name: "Ny värdkommun", kind: .kommun, organisationNumber: "212000-2627",
                            isHost: true, joinedOn: Fixtures.day("2023-01-01"))
        try PartyRules.validate(newHost, in: state, at: path)
        var early = newHost
        early.joinedOn = Fixtures.day("2022-12-31")
        expectServiceError(.conflict, field: "party.isHost") { try PartyRules.validate(early, in: state, at: path) }
    }

    @Test("Only the host has a bankgiro, and its check digit must be right")
    func bankgiroRules() throws {
        let state = try Fixtures.norrbottenState()
        var nonHost = boden(state)
        nonHost.invoicing.bankgiro = "5050-1055"
        expectServiceError(.validation, field: "party.invoicing.bankgiro") {
            try PartyRules.validate(nonHost, in: state, at: path)
        }
        var host = state.party("lulea")!
        host.invoicing.bankgiro = "5050-1056"
        expectServiceError(.validation, field: "party.invoicing.bankgiro") {
            try PartyRules.validate(host, in: state, at: path)
        }
        host.invoicing.bankgiro = "5050-1055"
        try PartyRules.validate(host, in: state, at: path)
    }

    @Test("Invoice address, postal code and Peppol id are checked")
    func invoicingFormats() throws {
        let state = try Fixtures.norrbottenState()
        var party = boden(state)
        party.invoicing = InvoiceDetails(address: PostalAddress(lines: ["Bodens kommun"], postalCode: "961 86",
                                                                city: "Boden"),
                                         buyerReference: "E-nämnden", peppolID: "0007:2120002767")
        try PartyRules.validate(party, in: state, at: path)
        party.invoicing.address?.postalCode = "96186X"
        expectServiceError(.validation, field: "party.invoicing.address.postalCode") {
            try PartyRules.validate(party, in: state, at: path)
        }
        party.invoicing.address?.postalCode = "961 86"
        party.invoicing.peppolID = "2120002767"
        expectServiceError(.validation, field: "party.invoicing.peppolID") {
            try PartyRules.validate(party, in: state, at: path)
        }
        party.invoicing.peppolID = nil
        party.invoicing.address?.lines = []
        expectServiceError(.validation, field: "party.invoicing.address.lines") {
            try PartyRules.validate(party, in: state, at: path)
        }
    }

    @Test("Seat counts, the code's format and an empty name are checked")
    func fieldFormats() throws {
        let state = try Fixtures.norrbottenState()
        var party = boden(state)
        party.memberSeats = 0
        expectServiceError(.validation, field: "party.memberSeats") { try PartyRules.validate(party, in: state, at: path) }
        party = boden(state)
        party.substituteSeats = -1
        expectServiceError(.validation, field: "party.substituteSeats") {
            try PartyRules.validate(party, in: state, at: path)
        }
        party = boden(state)
        party.code = "Boden"
        expectServiceError(.validation, field: "party.code") { try PartyRules.validate(party, in: state, at: path) }
        party = boden(state)
        party.name = "  "
        expectServiceError(.validation, field: "party.name") { try PartyRules.validate(party, in: state, at: path) }
    }

    @Test("No party joins before the committee was established: Åre cannot join GNS in 2016")
    func joinBeforeCommitteeEstablished() throws {
        let state = CommitteeState(try Fixtures.jamtland())
        var are = state.party("are")!
        are.joinedOn = Fixtures.day("2016-12-31")
        expectServiceError(.validation, field: "party.joinedOn") { try PartyRules.validate(are, in: state, at: path) }
    }
}

@Suite("PartyRules: invented invoicing details")
struct PartyRulesInventedTests {
    private let path = FieldPath("party")

    @Test("A detail named invented that is not set is validation at invoicing.invented[i]: it would hide a gap")
    func inventedMustBeSet() throws {
        let state = try Fixtures.norrbottenState()
        var party = try #require(state.party("boden"))
        party.invoicing.peppolID = nil
        party.invoicing.invented = [.address, .peppolID]
        let error = expectServiceError(.validation, field: "party.invoicing.invented[1]") {
            try PartyRules.validate(party, in: state, at: path)
        }
        #expect(error?.message.contains("peppolID is named as invented but not set") == true)
    }

    @Test("A detail named twice as invented is validation")
    func inventedOnce() throws {
        var invoicing = InvoiceDetails(buyerReference: "E-nämnden")
        invoicing.invented = [.buyerReference, .buyerReference]
        expectServiceError(.validation, field: "party.invented[1]") {
            try PartyRules.validateInvented(invoicing, at: path)
        }
    }

    @Test("The normaliser puts invented details in declaration order, each once, and drops an empty list")
    func normalisedOrder() throws {
        var party = try #require(Fixtures.norrbottenState().party("boden"))
        party.invoicing.invented = [.peppolID, .address, .peppolID]
        #expect(Normaliser.normalise(party).invoicing.invented == [.address, .peppolID])
        party.invoicing.invented = []
        #expect(Normaliser.normalise(party).invoicing.invented == nil)
    }

    @Test("Missing details: an address, a buyer's reference and a Peppol id for everyone, a bankgiro for the host")
    func missingDetails() {
        let empty = InvoiceDetails()
        #expect(empty.missing(isHost: false) == [.address, .buyerReference, .peppolID])
        #expect(empty.missing(isHost: true) == InvoiceField.allCases)
        #expect(InvoiceDetails(buyerReference: "x", invented: [.buyerReference]).isInvented(.buyerReference))
        #expect(!InvoiceDetails(buyerReference: "x").isInvented(.buyerReference))
    }
}
