import DocumentsAPI
import KansliProtocol
import Testing
@testable import DocumentsService

@Suite("Notices on every party's board, warnings and deadlines")
struct NoticeTests {
    static let justerat = CalendarDate("2022-07-04")!

    static func post(_ hosts: DocumentsTestHosts, _ party: String, _ day: String) throws -> NoticeStatus {
        try hosts.call(DocumentsMethods.noticePost, NoticePost(meeting: SeedMeeting.ref, party: party, postedOn: CalendarDate(day)!, justeratOn: justerat))
    }

    @Test("the appeal period runs from the last party's posting; parties not yet posted are listed; the seed's late posting warns")
    func everyParty() throws {
        let hosts = try DocumentsTestHosts()
        let meeting = try hosts.enterSeedMeeting()
        let parties = try #require(meeting.content.attendance?.parties.map(\.code))
        #expect(parties.count == 14)
        var status = try Self.post(hosts, "lulea", "2022-07-08")
        #expect(status.pendingParties.count == 13)
        #expect(!status.pendingParties.contains("lulea"))
        #expect(status.appealLastDay == nil, "not posted everywhere yet")
        #expect(status.warnings.contains { $0.contains("Luleå kommun's board went up 2022-07-08, 4 days after justering on 2022-07-04") })
        for party in parties where party != "lulea" && party != "kiruna" { status = try Self.post(hosts, party, "2022-07-06") }
        #expect(status.pendingParties == ["kiruna"])
        let check = try hosts.call(DocumentsMethods.noticeCheck, NoticePost(meeting: SeedMeeting.ref, party: "kiruna", postedOn: CalendarDate("2023-06-02")!))
        #expect(check.appealLastDay == CalendarDate("2023-06-26"), "check shows the deadline a posting would give")
        #expect(try hosts.call(DocumentsMethods.noticeStatus, SeedMeeting.ref).pendingParties == ["kiruna"], "check recorded nothing")
        status = try Self.post(hosts, "kiruna", "2022-07-08")
        #expect(status.lastPosting == CalendarDate("2022-07-08"))
        #expect(status.appealLastDay == CalendarDate("2022-07-29"))
        #expect(status.takeDownEarliest == CalendarDate("2022-07-30"), "the seed's take-down day")
        #expect(AttendanceRulesTests.message { _ = try Self.post(hosts, "kiruna", "2022-07-09") }?.code == .conflict)
    }

    @Test("justering after its deadline or 14 days after the meeting warns; posting before justering is refused")
    func lateJustering() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let early = AttendanceRulesTests.message {
            try hosts.call(DocumentsMethods.noticePost, NoticePost(meeting: SeedMeeting.ref, party: "lulea", postedOn: CalendarDate("2022-07-01")!, justeratOn: Self.justerat))
        }
        #expect(early?.field == "postedOn")
        let status = try hosts.call(DocumentsMethods.noticePost, NoticePost(meeting: SeedMeeting.ref, party: "lulea", postedOn: CalendarDate("2022-07-12")!,
                                                                             justeratOn: CalendarDate("2022-07-11")!))
        #expect(status.warnings.contains { $0.contains("after its deadline 2022-07-06") })
        #expect(status.warnings.contains { $0.contains("19 days after the meeting") })
    }

    @Test("deadlines lists the justering due for an open meeting, then the missing notices, then the appeal dates")
    func deadlines() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        var due = try hosts.call(DocumentsMethods.deadlines, DeadlinesRequest(committee: "NBE", on: CalendarDate("2022-06-30")!))
        #expect(due.map(\.kind) == [.justering])
        #expect(due.first?.due == CalendarDate("2022-07-06"))
        #expect(due.first?.overdue == false)
        _ = try Self.post(hosts, "lulea", "2022-07-08")
        due = try hosts.call(DocumentsMethods.deadlines, DeadlinesRequest(on: CalendarDate("2022-07-10")!))
        #expect(due.map(\.kind) == [.notice])
        #expect(due.first?.overdue == true)
        #expect(due.first?.description.contains("Kiruna kommun") == true)
        let after = try hosts.call(DocumentsMethods.deadlines, DeadlinesRequest(on: CalendarDate("2022-09-01")!))
        #expect(after.map(\.kind) == [.notice], "never closed while a party has not posted")
    }
}
