import DocumentsAPI
import KansliProtocol
import Testing
@testable import DocumentsService

@Suite("Paragraph numbers and case numbers: gap-free per committee and year")
struct NumberingTests {
    @Test("numbers continue across meetings; an earlier meeting cannot take a number after a later one; only the last is removed")
    func acrossMeetings() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        var autumn = SeedMeeting.create
        autumn.date = CalendarDate("2022-10-12")!
        try hosts.call(DocumentsMethods.meetingCreate, autumn)
        var attendance = SeedMeeting.attendance
        attendance.meeting.date = autumn.date
        try hosts.call(DocumentsMethods.attendanceSet, attendance)
        let ref = MeetingRef(committee: "nbe", date: autumn.date)
        let first = try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: SeedMeeting.paragraphs[0]))
        #expect(first.number == 17)
        let late = AttendanceRulesTests.message {
            try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: SeedMeeting.ref, content: SeedMeeting.paragraphs[0]))
        }
        #expect(late?.code == .conflict)
        let gap = AttendanceRulesTests.message { try hosts.call(DocumentsMethods.paragraphRemove, ParagraphRef(meeting: SeedMeeting.ref, number: 12)) }
        #expect(gap?.message.contains("leave a gap") == true)
        #expect(try hosts.call(DocumentsMethods.paragraphRemove, ParagraphRef(meeting: ref, number: 17)).number == 17)
        #expect(try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: SeedMeeting.paragraphs[1])).number == 17)
        let reset = AttendanceRulesTests.message {
            try hosts.call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 1, nextCaseSerial: 18))
        }
        #expect(reset?.code == .conflict, "the sequence is set only before the year's first paragraph")
    }

    @Test("the store refuses a repeated number in the database itself")
    func repeatRefused() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        _ = try hosts.documents.database.write { connection in
            #expect(throws: (any Error).self) { try MeetingStore(connection: connection).claim(paragraph: 8, for: SeedMeeting.ref) }
        }
    }

    @Test("case numbers are allocated gap-free in the committee's format: 2022/18-2.2.0.1 after the seed's 2022/17, GNS/1/2020")
    func caseNumbers() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18))
        let first = try hosts.call(DocumentsMethods.caseNumberAllocate, CaseNumberAllocate(committee: "NBE", year: 2022, classification: "2.2.0.1"))
        let second = try hosts.call(DocumentsMethods.caseNumberAllocate, CaseNumberAllocate(committee: "NBE", year: 2022, classification: "1.1.1.2"))
        #expect(first.caseNumber == "2022/18-2.2.0.1")
        #expect(second.caseNumber == "2022/19-1.1.1.2")
        #expect(try hosts.call(DocumentsMethods.caseNumberAllocate, CaseNumberAllocate(committee: "GNS", year: 2020)).caseNumber == "GNS/1/2020")
        let missing = AttendanceRulesTests.message { try hosts.call(DocumentsMethods.caseNumberAllocate, CaseNumberAllocate(committee: "NBE", year: 2022)) }
        #expect(missing?.field == "classification")
        let lower = AttendanceRulesTests.message {
            try hosts.call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 5))
        }
        #expect(lower?.code == .conflict)
    }
}
