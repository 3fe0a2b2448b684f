import DocumentsAPI
import KansliPlatform
import KansliProtocol
import KansliService
import RegistryAPI

/// The documents methods' handlers: thin — they check requests with `Rules/`, read and write
/// through `MeetingStore`, and render with `Render/`. Handlers that need the registry receive
/// what it said from their preparation, which runs outside the transaction.
enum DocumentsHandlers {
    /// What a preparation hands to its application: the request and what the registry said.
    struct Prepared<Request: Sendable, Fact: Sendable>: Sendable {
        var request: Request
        var fact: Fact
    }

    /// A meeting reference with its committee code in canonical case, checked.
    static func canonical(_ ref: MeetingRef, field: String = "meeting") throws -> MeetingRef {
        MeetingRef(committee: try TextRules.committee(ref.committee, field: "\(field).committee"), date: ref.date)
    }

    /// Today in Europe/Stockholm on the service's clock.
    static func today(_ context: HandlerContext) -> CalendarDate { CalendarDate.today(at: context.now) }

    /// Loads a meeting and refuses when its current revision is frozen: for every handler that
    /// edits the protocol's content (`MeetingStore.save` refuses it again).
    static func editable(_ ref: MeetingRef, _ store: MeetingStore) throws -> Meeting {
        let meeting = try store.meeting(ref)
        if meeting.frozen { throw MeetingStore.frozenError(meeting) }
        return meeting
    }

    /// Re-resolves every paragraph against changed attendance, so a change that takes away a
    /// paragraph's quorum or chair is refused.
    static func reresolve(_ paragraphs: [Paragraph], attendance: Attendance) throws -> [Paragraph] {
        try paragraphs.map {
            try ParagraphRules.resolve(number: $0.number, content: $0.content, attendance: attendance, field: "paragraphs[§ \($0.number)]")
        }
    }
}
