import FinanceAPI
import KansliProtocol
import RegistryAPI
@testable import FinanceService

/// Invented invoicing details for the seed committees (the shipped seed files have none yet):
/// every party gets an address and a buyer's reference, the host a bankgiro. Written into the
/// real registry with `registry.party.update`, as an operator would.
extension FinanceTestHosts {
    /// An invented bankgiro (Luhn-valid) for the hosts.
    static let hostBankgiro = "5050-1055"

    /// Gives the parties of `committee` invoicing details, except those in `except`; the host
    /// gets `bankgiro` (none when nil).
    func giveInvoicingDetails(committee: String, bankgiro: String? = FinanceTestHosts.hostBankgiro,
                              except: Set<String> = []) throws {
        for var party in try registry.call(RegistryMethods.partyList, ListRequest(committee: committee)) {
            // The seed files carry invented details; a party in `except` is left with none.
            guard !except.contains(party.code) else {
                party.invoicing = InvoiceDetails()
                _ = try registry.call(RegistryMethods.partyUpdate, PartyUpdate(committee: committee, party: party))
                continue
            }
            party.invoicing = InvoiceDetails(
                address: PostalAddress(lines: [party.name, "Ekonomiavdelningen", "Box \(party.code.count)"], postalCode: "971 85", city: "Testby"),
                buyerReference: "Ref \(party.code) (invented)", bankgiro: party.isHost ? bankgiro : nil)
            _ = try registry.call(RegistryMethods.partyUpdate, PartyUpdate(committee: committee, party: party))
        }
    }

    /// Base funding 1 127 000 kr outside the scope of VAT (14 × 80 500) and a platform of
    /// 140 000 kr at 25 % (14 × 10 000), as NBE 2023.
    static let billingLines: [BudgetLine] = [
        SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 1_127_000, model: .equal),
        BudgetLine(objectCode: "PLATT", name: "E-tjänsteplattform", amount: Money(kronor: 140_000), vat: VATTreatment(rate: .standard),
                   unit: Money(kronor: 1), model: .equal),
    ]

    /// Creates, adopts (justerat) and allocates `committee`'s budget for `year`.
    @discardableResult
    func adoptedBudget(committee: String = "NBE", year: Int = 2023, lines: [BudgetLine] = FinanceTestHosts.billingLines) throws -> BudgetRef {
        let reference = BudgetRef(committee: committee, year: year)
        _ = try call(FinanceMethods.budgetCreate, BudgetCreate(committee: committee, year: year, lines: lines))
        _ = try call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: reference, adoption: Adoption(
            protocolDate: CalendarDate(year: year - 1, month: 6, day: 22)!, paragraph: 12, justeratOn: CalendarDate(year: year - 1, month: 6, day: 29)!)))
        _ = try call(FinanceMethods.allocationRun, reference)
        return reference
    }

    /// Drafts, approves (with a second key) and issues a run, and reads it back whole.
    func issuedRun(_ draft: BillingDraft) throws -> BillingRun {
        let run = try call(FinanceMethods.billingDraft, draft)
        let reference = BillingRunRef(committee: run.committee, run: run.run)
        _ = try approve(run)
        let summary = try call(FinanceMethods.billingIssue, reference)
        let issued = try finance.call(FinanceMethods.billingGet, reference, role: .read)
        precondition(summary == BillingRunSummary(issued), "the issue's answer summarises the stored run")
        return issued
    }

    /// Approves `run` as a second person (key `approver`).
    func approve(_ run: BillingRun) throws -> BillingRunSummary {
        try finance.call(FinanceMethods.billingApprove, BillingApprove(run: BillingRunRef(committee: run.committee, run: run.run), total: run.total),
                         keyID: "approver", role: .write)
    }
}
