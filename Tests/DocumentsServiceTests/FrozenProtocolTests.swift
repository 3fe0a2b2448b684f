import DocumentsAPI
import KansliProtocol
import KansliStore
import Testing
@testable import DocumentsService

@Suite("A protocol frozen for signing never changes: every edit is refused, a new revision is made instead")
struct FrozenProtocolTests {
    static func frozen() throws -> (DocumentsTestHosts, RenderedDocument) {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let before = try hosts.render()
        let meeting = try hosts.call(DocumentsMethods.protocolFreeze, ProtocolFreeze(meeting: SeedMeeting.ref, revision: 1))
        #expect(meeting.frozen)
        return (hosts, before)
    }

    @Test("every method that edits the content is refused with conflict, and the rendered bytes stay the same")
    func everyEditRefused() throws {
        let (hosts, before) = try Self.frozen()
        let ref = SeedMeeting.ref
        let edits: [(String, () throws -> Void)] = [
            ("meeting.update", { try hosts.call(DocumentsMethods.meetingUpdate, MeetingUpdate(meeting: ref, startTime: "13:00", place: "Luleå", agenda: [])) }),
            ("attendance.set", { try hosts.call(DocumentsMethods.attendanceSet, SeedMeeting.attendance) }),
            ("paragraph.add", { try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: SeedMeeting.paragraphs[0])) }),
            ("paragraph.update", { try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: ref, number: 8, content: SeedMeeting.paragraphs[1])) }),
            ("paragraph.remove", { try hosts.call(DocumentsMethods.paragraphRemove, ParagraphRef(meeting: ref, number: 16)) }),
            ("protocol.set", { try hosts.call(DocumentsMethods.protocolSet, SeedMeeting.details) }),
        ]
        for (name, edit) in edits {
            let error = AttendanceRulesTests.message(edit)
            #expect(error?.code == .conflict, "\(name)")
            #expect(error?.message.contains("frozen for signing") == true, "\(name)")
        }
        #expect(try hosts.render() == before, "byte for byte the same document")
    }

    @Test("the store refuses a frozen content change even when a handler forgets, and so does the database trigger")
    func storeAndTrigger() throws {
        let (hosts, _) = try Self.frozen()
        _ = try hosts.documents.database.write { connection in
            let store = MeetingStore(connection: connection)
            var meeting = try store.meeting(SeedMeeting.ref)
            meeting.content.place = "Luleå"
            #expect(throws: ServiceError.self) { try store.save(meeting) }
            var thawed = try store.meeting(SeedMeeting.ref)
            thawed.frozen = false
            #expect(throws: ServiceError.self) { try store.save(thawed) }
            #expect(throws: (any Error).self) {
                try connection.execute("UPDATE meeting SET content = x'00' WHERE committee = 'NBE'")
            }
            #expect(throws: (any Error).self) {
                try connection.execute("UPDATE meeting SET frozen = 0 WHERE committee = 'NBE'")
            }
        }
    }

    @Test("a revise keeps the frozen revision and makes revision 2, editable, rendering with its new number")
    func revise() throws {
        let (hosts, before) = try Self.frozen()
        let next = try hosts.call(DocumentsMethods.protocolRevise, ProtocolRevise(meeting: SeedMeeting.ref, reason: "§ 12 kompletteras med kostnad per kommun"))
        #expect(next.revision == 2)
        #expect(!next.frozen)
        var content = SeedMeeting.paragraphs[4]
        content.summary = (content.summary ?? "") + "\n\nKostnad per kommun för Verksamhetsutvecklare e-tjänster bifogas."
        try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 12, content: content))
        let after = try hosts.render()
        #expect(after.revision == 2)
        #expect(after.fileName == "NBE-2022-06-22-protokoll-r2.html")
        #expect(after.sha256 != before.sha256)
        let kept = try hosts.documents.database.read { try MeetingStore(connection: $0).keptRevision(SeedMeeting.ref, revision: 1) }
        #expect(kept?.paragraphs[4].content == SeedMeeting.paragraphs[4])
        let stale = AttendanceRulesTests.message { try hosts.call(DocumentsMethods.protocolFreeze, ProtocolFreeze(meeting: SeedMeeting.ref, revision: 1)) }
        #expect(stale?.code == .conflict)
    }

    @Test("notices and dispatches are recorded beside a frozen revision without touching its content")
    func recordsBesideFrozen() throws {
        let (hosts, before) = try Self.frozen()
        try hosts.call(DocumentsMethods.noticePost, NoticePost(meeting: SeedMeeting.ref, party: "lulea", postedOn: CalendarDate("2022-07-08")!,
                                                               justeratOn: CalendarDate("2022-07-04")!))
        let dispatch = try hosts.call(DocumentsMethods.dispatchRecord, DispatchRecord(meeting: SeedMeeting.ref, paragraph: 16, recipients: [],
                                                                                      sentOn: CalendarDate("2022-07-05")!, channel: "e-post"))
        #expect(dispatch.recipients == ["Luleå kommun"])
        #expect(try hosts.render() == before)
    }
}
