import FinanceAPI
import Foundation
import KansliCoding
import KansliProtocol
import KansliTestSupport
import Testing

/// Keeps the finance parts of docs/PROTOCOL.md §6 true to the code, the way
/// Tests/RegistryAPITests/ProtocolMessagesDocTests.swift keeps the registry's: the finance method
/// table is `FinanceMethods.all` with its message types, and 6.5 has one entry per finance type,
/// in alphabetical order, whose field tables name exactly the fields the encoder writes, in its
/// order, with the presence the decoder has.
@Suite("Protocol spec, finance methods and types")
struct FinanceProtocolDocTests {
    @Test("the finance method table lists exactly FinanceMethods: ids, names, access, roles, message types")
    func methodTable() throws {
        let documented = Spec.tableRows(in: try Spec.section("finance-method-table")).filter { $0.count == 7 }
            .map { "\($0[0]) \($0[1]) \($0[2]) \($0[3]) \($0[4]) \($0[5])" }
        #expect(documented == Self.methods)
        #expect(Self.methods.count == FinanceMethods.all.count, "the test's list covers FinanceMethods.all")
        #expect(FinanceMethods.all.allSatisfy { MethodRange.finance.contains($0.id) })
        #expect(Set(FinanceMethods.all.map(\.id)).count == FinanceMethods.all.count, "no id twice")
    }

    static let methods: [String] = [
        row(FinanceMethods.budgetCreate), row(FinanceMethods.budgetUpdate), row(FinanceMethods.budgetAdopt),
        row(FinanceMethods.budgetJustera), row(FinanceMethods.budgetClose), row(FinanceMethods.budgetRevise),
        row(FinanceMethods.budgetIndex), row(FinanceMethods.budgetGet), row(FinanceMethods.budgetList),
        row(FinanceMethods.allocationPreview), row(FinanceMethods.allocationRun), row(FinanceMethods.allocationGet),
        row(FinanceMethods.billingDraft), row(FinanceMethods.billingApprove), row(FinanceMethods.billingIssue),
        row(FinanceMethods.billingGet), row(FinanceMethods.billingList), row(FinanceMethods.billingCancel),
        row(FinanceMethods.billingExport), row(FinanceMethods.invoiceGet), row(FinanceMethods.invoiceList),
        row(FinanceMethods.invoiceRender), row(FinanceMethods.invoiceCredit), row(FinanceMethods.paymentRecord),
        row(FinanceMethods.paymentList), row(FinanceMethods.receivables),
        row(FinanceMethods.outcomeRecord), row(FinanceMethods.outcomeImport), row(FinanceMethods.outcomeList),
        row(FinanceMethods.forecastSet), row(FinanceMethods.forecastList), row(FinanceMethods.followUp),
        row(FinanceMethods.yearClose), row(FinanceMethods.yearGet),
    ]

    static func row<Request, Response>(_ method: KansliProtocol.Method<Request, Response>) -> String {
        let digits = String(method.id, radix: 16, uppercase: true)
        return "0x\(String(repeating: "0", count: 4 - digits.count))\(digits) \(method.name) \(method.access.rawValue) "
            + "\(method.roles) \(typeName(Request.self)) \(typeName(Response.self))"
    }

    static func typeName<T>(_ type: T.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array<"), name.hasSuffix(">") { return "[" + name.dropFirst(6).dropLast() + "]" }
        return name
    }

    @Test("6.5 has one entry per finance type, in alphabetical order")
    func entries() throws {
        let names = try Spec.typeEntries(inSection: "finance-types").map(\.name)
        #expect(names == names.sorted())
        let expected = try Samples.all().map(\.name) + Samples.enumerations.map(\.name) + ["Money"]
        #expect(Set(names) == Set(expected))
        for name in Set(names).symmetricDifference(expected).sorted() {
            Issue.record("type \(name) is in only one of the spec and the test's samples")
        }
    }

    @Test("every finance type's table lists exactly the fields Kansli writes, in its order, with the decoder's presence")
    func fields() throws {
        let entries = Dictionary(try Spec.typeEntries(inSection: "finance-types").map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for sample in try Samples.all() {
            guard let entry = entries[sample.name] else { continue }
            let written = try Wire.mapEntries(sample.encoded)
            #expect(entry.fields.map(\.name) == written.map(\.key), "\(sample.name)")
            for field in entry.fields {
                let without = Wire.map(written.filter { $0.key != field.name })
                if field.presence == "required" {
                    #expect(throws: (any Error).self, "\(sample.name).\(field.name) must be required") { try sample.roundTrip(without) }
                } else {
                    #expect(throws: Never.self, "\(sample.name).\(field.name) may be left out") { try sample.roundTrip(without) }
                }
            }
        }
    }

    @Test("every finance enumeration lists exactly its wire values")
    func enumerations() throws {
        let entries = Dictionary(try Spec.typeEntries(inSection: "finance-types").map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for enumeration in Samples.enumerations {
            #expect(entries[enumeration.name]?.rows.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`\"")) }
                        == enumeration.values, "\(enumeration.name)")
        }
    }

    @Test("money travels as one integer of öre")
    func money() throws {
        #expect(try BinaryEncoder().encode(Money(kronor: 1)) == BinaryEncoder().encode(Int64(100)))
    }
}

extension FinanceProtocolDocTests {
    typealias Spec = ProtocolSpec
    typealias Wire = ProtocolWire

    struct Sample {
        let name: String
        let encoded: [UInt8]
        let roundTrip: ([UInt8]) throws -> [UInt8]

        init<T: Codable>(_ value: T) throws {
            name = String(describing: T.self)
            encoded = try BinaryEncoder().encode(value)
            roundTrip = { try BinaryEncoder().encode(try BinaryDecoder().decode(T.self, from: $0)) }
        }
    }

    /// One value of every finance type with every optional field set.
    enum Samples {
        static let enumerations: [(name: String, values: [String])] = [
            values(AllocationKeyKind.self), values(AllocationModelKind.self), values(BudgetStatus.self),
            values(IndexationBase.self), values(LineDirection.self), values(VATRate.self),
            values(BillingRunStatus.self), values(DocumentFormat.self), values(InvoiceKind.self), values(PaymentStatus.self),
            values(VATScope.self),
        ]

        static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> (name: String, values: [String])
        where E.RawValue == String {
            (String(describing: type), E.allCases.map(\.rawValue))
        }

        static func all() throws -> [Sample] {
            let day = try #require(CalendarDate("2022-06-22"))
            let key = AllocationKey(kind: .population, year: 2022)
            let table = PartyTable(rows: [PartyAmount(party: "lulea", value: 1)], statedTotal: 1, source: "seed")
            let period = Period(from: day, to: day)
            let connection = PartyPeriod(party: "lulea", from: day, to: day)
            let reference = LineReference(year: 2022, objectCode: "VU-ETJ")
            let model = AllocationModel(kind: .mix, key: key, equalPart: .half, table: table, sourceLine: reference,
                                        period: period, connections: [connection])
            let vat = VATTreatment(rate: .zero, reason: "export")
            let line = BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 100), vat: vat,
                                  participants: ["lulea"], model: model, note: "note", carriedFrom: 2022)
            let adoption = Adoption(protocolDate: day, paragraph: 12, justeratOn: day, confirmedBy: "caller")
            let indexation = Indexation(factor: Fraction(1058, 1000)!, label: "AKI")
            let indexedFrom = IndexedFrom(year: 2022, version: 1, indexation: indexation)
            let budget = Budget(committee: "NBE", year: 2023, version: 2, status: .adopted, lines: [line], reason: "why",
                                adoption: adoption, indexedFrom: indexedFrom, note: "note")
            let facts = PartyFacts(code: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", isHost: true,
                                   joinedOn: day, leftOn: day)
            let figure = KeyFigure(party: "lulea", kind: .population, year: 2022, value: 115_900, referenceDate: day,
                                   source: "SCB", illustrative: true)
            let inputs = AllocationInputs(keys: [figure], table: table, period: period)
            let exact = ExactAmount(wholeOre: 1, remainder: 1, denominator: 3)
            let share = PartyShare(party: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", isHost: true,
                                   weight: .half, weightDescription: "1 of 2", exact: exact, nearest: Money(ore: 1),
                                   rounded: Money(ore: 1), adjustment: .zero)
            let allocation = LineAllocation(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 100),
                                            unit: Money(kronor: 1), model: model, shares: [share], explanation: ["x"],
                                            inputs: inputs)
            let ref = BudgetRef(committee: "NBE", year: 2023, version: 1)
            return try billingSamples(day: day, vat: vat, ref: ref) + followUpSamples(day: day, line: line, model: model, ref: ref) + [
                try Sample(adoption), try Sample(inputs), try Sample(key), try Sample(model), try Sample(budget),
                try Sample(BudgetAdopt(budget: ref, adoption: adoption)),
                try Sample(BudgetAllocation(committee: "NBE", year: 2023, version: 1, run: 1, parties: [facts], lines: [allocation])),
                try Sample(BudgetCreate(committee: "NBE", year: 2023, lines: [line], note: "note")),
                try Sample(BudgetIndex(budget: ref, indexation: indexation)),
                try Sample(BudgetJustering(budget: ref, justeratOn: day)),
                try Sample(line), try Sample(BudgetListRequest(committee: "NBE")), try Sample(ref),
                try Sample(BudgetRevise(budget: ref, lines: [line], reason: "why")),
                try Sample(BudgetSummary(budget)), try Sample(BudgetUpdate(budget: ref, lines: [line])),
                try Sample(exact), try Sample(Fraction.half), try Sample(indexation), try Sample(indexedFrom),
                try Sample(figure), try Sample(allocation), try Sample(reference), try Sample(PartyAmount(party: "lulea", value: 1)),
                try Sample(facts), try Sample(connection), try Sample(share), try Sample(table), try Sample(period),
                try Sample(vat),
            ]
        }

        /// The outcome, forecast and closing types, every optional field set.
        static func followUpSamples(day: CalendarDate, line: BudgetLine, model: AllocationModel, ref: BudgetRef) throws -> [Sample] {
            let year = YearRef(committee: "GNS", year: 2018)
            let entry = OutcomeEntry(objectCode: "GRUND", direction: .income, period: Period(from: day, to: day), amount: Money(kronor: 1),
                                     source: "ledger")
            let forecast = Forecast(objectCode: "GRUND", direction: .income, amount: Money(kronor: 1), asOf: day, note: "why")
            let followUpLine = FollowUpLine(objectCode: "GRUND", name: "Grundfinansiering", direction: .income, budget: Money(kronor: 2),
                                            outcome: Money(kronor: 1), forecast: Money(kronor: 1))
            return [
                try Sample(entry), try Sample(forecast), try Sample(followUpLine),
                try Sample(ObjectResult(objectCode: "PROJ-HR", name: "Projekt HR", incomeOutcome: Money(kronor: 2), costOutcome: Money(kronor: 1))),
                try Sample(FollowUpReport(committee: "GNS", year: 2018, budgetVersion: 1, through: day, lines: [followUpLine])),
                try Sample(FollowUpRequest(year: year, through: day)),
                try Sample(FollowUpTotals(budget: .zero, outcome: .zero, forecast: .zero)),
                try Sample(ForecastSet(year: year, forecasts: [forecast])),
                try Sample(OutcomeImport(year: year, csv: "objekt;period;belopp", source: "ledger")),
                try Sample(OutcomeRecord(year: year, entries: [entry])),
                try Sample(YearClose(year: year, model: model, objectCode: "RES-2018")),
                try Sample(YearClosing(committee: "GNS", year: 2018, budgetVersion: 1, lines: [followUpLine], result: Money(kronor: 1),
                                       carriedTo: ref, carriedLine: line, closedAt: "t", closedBy: "k")),
                try Sample(year),
            ]
        }

        /// The billing, invoice and payment types, every optional field set.
        static func billingSamples(day: CalendarDate, vat: VATTreatment, ref: BudgetRef) throws -> [Sample] {
            let period = Period(from: day, to: day)
            let runRef = BillingRunRef(committee: "NBE", run: 1)
            let address = InvoiceAddress(lines: ["Box 1"], postalCode: "961 28", city: "Boden")
            let issuer = InvoiceIssuer(party: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", bankgiro: "5050-1055",
                                       committeeName: "Norrbottens e-nämnd")
            let recipient = InvoiceRecipient(party: "boden", name: "Bodens kommun", organisationNumber: "212000-2767", address: address,
                                             buyerReference: "R", peppolID: "0007:2120002767")
            let line = InvoiceLine(objectCode: "GRUND", name: "Grundfinansiering", net: Money(kronor: 80_500), vat: vat,
                                   lineAmount: Money(kronor: 1_127_000), weight: Fraction(1, 14)!, weightDescription: "1 of 14")
            let summary = VATSummary(vat: vat, net: Money(kronor: 80_500), amount: .zero)
            let invoice = Invoice(committee: "NBE", number: "12300001", kind: .creditNote, run: 1, year: 2023, invoiceDate: day,
                                  dueDate: day, issuer: issuer, recipient: recipient, period: period, scope: .outside, lines: [line],
                                  vat: [summary], net: Money(kronor: 80_500), vatTotal: .zero, total: Money(kronor: 80_500),
                                  paymentReference: "1230000109", credits: "12300000", reason: "why")
            let host = HostShare(party: "lulea", objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 80_500), vat: vat)
            let run = BillingRun(committee: "NBE", run: 1, year: 2023, budgetVersion: 1, allocationRun: 1, lines: ["GRUND"],
                                 period: period, dueDays: 30, status: .issued, draftedBy: "a", draftedAt: "t", approvedBy: "b",
                                 approvedAt: "t", issuedBy: "c", issuedAt: "t", cancelledAt: "t", note: "note", invoices: [invoice],
                                 hostShares: [host], alreadyBilled: ["kiruna GRUND: invoice 12300002 (run 1)"], total: Money(kronor: 80_500))
            let receivable = PartyReceivable(party: "boden", name: "Bodens kommun", invoiced: Money(kronor: 1), credited: .zero,
                                             paid: .zero, outstanding: Money(kronor: 1), overdue: Money(kronor: 1), overdueInvoices: ["12300001"])
            let invoiceRef = InvoiceRef(committee: "NBE", number: "12300001")
            return [
                try Sample(BillingApprove(run: runRef, total: .zero)),
                try Sample(BillingDraft(budget: ref, lines: ["GRUND"], period: period, dueDays: 30, note: "note")),
                try Sample(BillingListRequest(committee: "NBE")), try Sample(run), try Sample(runRef), try Sample(BillingRunSummary(run)),
                try Sample(CreditNoteCreate(invoice: invoiceRef, reason: "why")), try Sample(host), try Sample(invoice),
                try Sample(address), try Sample(issuer), try Sample(line),
                try Sample(InvoiceListRequest(committee: "NBE", run: 1, party: "boden", year: 2023)), try Sample(recipient),
                try Sample(invoiceRef), try Sample(InvoiceRender(invoice: invoiceRef, format: .html)), try Sample(receivable),
                try Sample(Payment(committee: "NBE", id: 1, invoice: "12300001", party: "boden", reference: "1230000109",
                                   amount: Money(kronor: 1), paidOn: day, outstandingAfter: .zero, status: .full, recordedAt: "t", note: "n")),
                try Sample(PaymentListRequest(committee: "NBE", invoice: "12300001")),
                try Sample(PaymentRecord(committee: "NBE", bankgiro: "5050-1055", reference: "1230000109", amount: Money(kronor: 1),
                                         paidOn: day, note: "n")),
                try Sample(ReceivablesReport(committee: "NBE", on: day, parties: [receivable])),
                try Sample(ReceivablesRequest(committee: "NBE", on: day)),
                try Sample(RenderedDocument(format: .csv, mediaType: "text/csv", fileName: "x.csv", content: "x")),
                try Sample(summary),
            ]
        }
    }
}
