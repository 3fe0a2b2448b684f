import DocumentsAPI
import KansliProtocol
import KansliService

extension DocumentsHandlers {
    /// The meeting with the posting applied, and where its notice then stands.
    static func applyPosting(_ request: NoticePost, _ context: HandlerContext) throws -> (Meeting, NoticeStatus) {
        let ref = try canonical(request.meeting)
        try TextRules.person(request.party, field: "party")
        var meeting = try MeetingStore(connection: context.connection).meeting(ref)
        let today = today(context)
        let (justerat, posting) = try NoticeRules.check(request, meeting: meeting, today: today)
        meeting.justeratOn = justerat
        var recorded = posting
        recorded.recordedAt = context.now.iso8601
        meeting.notices.append(recorded)
        return (meeting, NoticeRules.status(of: meeting))
    }

    static func noticePost(_ request: NoticePost, _ context: HandlerContext) throws -> NoticeStatus {
        let (meeting, status) = try applyPosting(request, context)
        guard request.postedOn <= today(context) else {
            throw ServiceError.validation("the notice cannot be recorded as up on \(request.postedOn), after today (\(today(context))); use documents.notice.check to see the deadlines it would give", field: "postedOn")
        }
        try MeetingStore(connection: context.connection).save(meeting)
        // Each posting is logged: the last one starts the time to appeal, fixed once logged.
        try SigningStore(connection: context.connection).append(
            committee: meeting.committee, event: "anslag",
            fields: [.init("meeting", meeting.date.description), .init("party", meeting.notices.last?.party ?? request.party), .init("posted-on", request.postedOn.description)],
            at: context.now)
        try context.audit(action: "post", entity: "notice", entityID: "\(meeting.committee) \(meeting.date) \(request.party)",
                          summary: "up \(request.postedOn)\(status.appealLastDay.map { ", last day to appeal \($0)" } ?? "")")
        return status
    }

    /// What `noticePost` would answer, recording nothing (a read).
    static func noticeCheck(_ request: NoticePost, _ context: HandlerContext) throws -> NoticeStatus {
        try applyPosting(request, context).1
    }

    static func noticeStatus(_ request: MeetingRef, _ context: HandlerContext) throws -> NoticeStatus {
        NoticeRules.status(of: try MeetingStore(connection: context.connection).meeting(try canonical(request, field: "")))
    }

    static func deadlines(_ request: DeadlinesRequest, _ context: HandlerContext) throws -> [Deadline] {
        let committee = try request.committee.map { try TextRules.committee($0) }
        let day = request.on ?? today(context)
        let meetings = try MeetingStore(connection: context.connection).list(committee: committee, year: nil)
        return meetings.flatMap { NoticeRules.deadlines($0, on: day) }
            .sorted { ($0.due, $0.committee, $0.meeting, $0.kind.rawValue) < ($1.due, $1.committee, $1.meeting, $1.kind.rawValue) }
    }

    static func dispatchRecord(_ request: DispatchRecord, _ context: HandlerContext) throws -> Dispatch {
        let ref = try canonical(request.meeting)
        try TextRules.list(request.recipients, field: "recipients")
        try TextRules.text(request.channel, field: "channel")
        let store = MeetingStore(connection: context.connection)
        var meeting = try store.meeting(ref)
        guard let paragraph = meeting.content.paragraphs.first(where: { $0.number == request.paragraph }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(ref)) has no § \(request.paragraph)", field: "paragraph")
        }
        let recipients = request.recipients.isEmpty ? paragraph.content.distribution : request.recipients
        guard !recipients.isEmpty else {
            throw ServiceError.validation("§ \(request.paragraph) has no distribution list: name the recipients", field: "recipients")
        }
        guard request.sentOn >= ref.date, request.sentOn <= today(context) else {
            throw ServiceError.validation("a decision is sent between its meeting (\(ref.date)) and today (\(today(context))), not on \(request.sentOn)", field: "sentOn")
        }
        guard meeting.dispatches.count < TextRules.maximumEntries else {
            throw ServiceError.validation("a meeting records at most \(TextRules.maximumEntries) dispatches", field: "meeting")
        }
        let dispatch = Dispatch(paragraph: request.paragraph, recipients: recipients, sentOn: request.sentOn,
                                channel: request.channel, recordedAt: context.now.iso8601)
        meeting.dispatches.append(dispatch)
        try store.save(meeting)
        try context.audit(action: "dispatch", entity: "paragraph", entityID: "\(MeetingStore.name(ref)) § \(request.paragraph)",
                          summary: "\(recipients.count) recipients by \(ServiceError.quote(request.channel, limit: 40))")
        return dispatch
    }
}
