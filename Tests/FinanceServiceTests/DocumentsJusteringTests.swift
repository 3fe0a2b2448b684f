import DocumentsAPI
import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

/// Budget adoption asks documents about the adopting paragraph when documents holds the
/// meeting: the caller's word then does not count against what documents says.
@Suite("Budget adoption checked against documents")
struct DocumentsJusteringTests {
    static let nbe2023 = BudgetRef(committee: "NBE", year: 2023)
    static let meeting = MeetingRef(committee: "NBE", date: CalendarDate("2022-06-22")!)

    /// The budget 2023 draft, and the 2022-06-22 meeting in documents with § 12 "Budget 2023", not yet signed.
    static func hosts() throws -> FinanceTestHosts {
        let hosts = try FinanceTestHosts()
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.norrbotten2023()))
        func documents<Request, Response>(_ method: KansliProtocol.Method<Request, Response>, _ request: Request) throws {
            _ = try hosts.documents.call(method, request, role: .write)
        }
        try documents(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 12, nextCaseSerial: 18))
        try documents(DocumentsMethods.meetingCreate, MeetingCreate(committee: "NBE", date: meeting.date, startTime: "13:00", place: "Teams"))
        try documents(DocumentsMethods.attendanceSet, AttendanceSet(meeting: meeting))
        try documents(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: meeting, content: ParagraphContent(
            title: "Budget 2023", caseNumber: "2022/13-2.2.0.1", decision: "E-nämnden beslutar att godkänna budgeten för 2023")))
        return hosts
    }

    static func refusal(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ServiceError
        }
    }

    @Test("a paragraph documents holds but that is not justerat: claiming it is, at adoption or after, is refused; adopting pending justering is not")
    func notJusterat() throws {
        let hosts = try Self.hosts()
        let day = Self.meeting.date
        let claimed = Self.refusal {
            _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: Self.nbe2023, adoption: Adoption(
                protocolDate: day, paragraph: 12, justeratOn: CalendarDate("2022-06-29")!)))
        }
        #expect(claimed?.code == .conflict)
        #expect(claimed?.message == "documents says NBE 2022-06-22 § 12 (Budget 2023) is not justerat yet, not justerat 2022-06-29")
        let missing = Self.refusal {
            _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: Self.nbe2023, adoption: Adoption(protocolDate: day, paragraph: 13)))
        }
        #expect(missing?.code == .validation && missing?.field == "adoption.paragraph", "\(String(describing: missing))")
        let pending = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: Self.nbe2023, adoption: Adoption(protocolDate: day, paragraph: 12)))
        #expect(pending.status == .adoptedPendingJustering && pending.adoption?.confirmedBy == nil)
        let justera = Self.refusal {
            _ = try hosts.call(FinanceMethods.budgetJustera, BudgetJustering(budget: Self.nbe2023, justeratOn: CalendarDate("2022-06-29")!))
        }
        #expect(justera?.code == .conflict && justera?.message.contains("is not justerat yet") == true)
        #expect(try hosts.call(FinanceMethods.budgetGet, Self.nbe2023).status == .adoptedPendingJustering)
    }

    @Test("a meeting documents does not hold leaves the caller's word, recorded as the caller's")
    func notKept() throws {
        let hosts = try Self.hosts()
        let adopted = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: Self.nbe2023, adoption: Adoption(
            protocolDate: CalendarDate("2022-09-14")!, paragraph: 30, justeratOn: CalendarDate("2022-09-20")!)))
        #expect(adopted.status == .adopted && adopted.adoption?.confirmedBy == "caller")
    }
}
