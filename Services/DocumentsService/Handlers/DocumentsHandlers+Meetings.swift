import DocumentsAPI
import KansliProtocol
import KansliService
import RegistryAPI

extension DocumentsHandlers {
    static func checkSchedule(startTime: String, endTime: String?, place: String, agenda: [AgendaItem]) throws {
        try TextRules.clock(startTime, field: "startTime")
        if let endTime {
            try TextRules.clock(endTime, field: "endTime")
            guard endTime >= startTime else {
                throw ServiceError.validation("the meeting cannot end (\(endTime)) before it starts (\(startTime))", field: "endTime")
            }
        }
        try TextRules.text(place, field: "place")
        try TextRules.count(agenda.count, field: "agenda")
        for (index, item) in agenda.enumerated() {
            let field = "agenda[\(index)]"
            try TextRules.text(item.title, field: "\(field).title")
            try TextRules.optionalText(item.caseNumber, field: "\(field).caseNumber")
            try TextRules.optionalText(item.speaker, field: "\(field).speaker")
            if let time = item.time { try TextRules.clock(time, field: "\(field).time") }
            try TextRules.optionalText(item.description, field: "\(field).description", limit: TextRules.maximumLongText)
            try TextRules.optionalText(item.proposedDecision, field: "\(field).proposedDecision", limit: TextRules.maximumLongText)
            try TextRules.list(item.documents, field: "\(field).documents")
            try TextRules.list(item.distribution, field: "\(field).distribution")
            if let confidential = item.confidential { try TextRules.text(confidential.ground, field: "\(field).confidential.ground") }
        }
    }

    static func prepareCreate(_ request: MeetingCreate, _ context: PrepareContext) throws -> Prepared<MeetingCreate, Committee> {
        _ = try TextRules.committee(request.committee)
        try TextRules.year(request.date.year, field: "date")
        try checkSchedule(startTime: request.startTime, endTime: request.endTime, place: request.place, agenda: request.agenda)
        return Prepared(request: request, fact: try RegistryLookup.committee(request.committee, from: context.peers))
    }

    static func meetingCreate(_ prepared: Prepared<MeetingCreate, Committee>, _ context: HandlerContext) throws -> Meeting {
        let request = prepared.request, committee = prepared.fact
        let store = MeetingStore(connection: context.connection)
        let ref = MeetingRef(committee: committee.code, date: request.date)
        guard try !store.exists(ref) else {
            throw ServiceError.conflict("\(committee.code) already has a meeting on \(request.date)", field: "date")
        }
        let content = MeetingContent(startTime: request.startTime, endTime: request.endTime, place: request.place,
                                     agenda: request.agenda, attendance: nil, paragraphs: [], protocol: nil)
        let meeting = Meeting(committee: committee.code, committeeName: committee.name, committeeShortName: committee.shortName,
                              date: request.date, revision: 1, frozen: false, content: content)
        try store.insert(meeting, at: context.now)
        try context.audit(action: "create", entity: "meeting", entityID: MeetingStore.name(ref),
                          summary: "\(request.agenda.count) agenda items, \(ServiceError.quote(request.place))")
        return meeting
    }

    static func meetingUpdate(_ request: MeetingUpdate, _ context: HandlerContext) throws -> Meeting {
        let ref = try canonical(request.meeting)
        try checkSchedule(startTime: request.startTime, endTime: request.endTime, place: request.place, agenda: request.agenda)
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(ref, store)
        meeting.content.startTime = request.startTime
        meeting.content.endTime = request.endTime
        meeting.content.place = request.place
        meeting.content.agenda = request.agenda
        try store.save(meeting)
        try context.audit(action: "update", entity: "meeting", entityID: MeetingStore.name(ref), summary: "\(request.agenda.count) agenda items")
        return meeting
    }

    static func meetingGet(_ request: MeetingRef, _ context: HandlerContext) throws -> Meeting {
        try MeetingStore(connection: context.connection).meeting(try canonical(request, field: ""))
    }

    static func meetingList(_ request: MeetingListRequest, _ context: HandlerContext) throws -> [MeetingSummary] {
        let committee = try TextRules.committee(request.committee)
        if let year = request.year { try TextRules.year(year) }
        return try MeetingStore(connection: context.connection).list(committee: committee, year: request.year).map {
            MeetingSummary(committee: $0.committee, date: $0.date, startTime: $0.content.startTime, place: $0.content.place,
                           agendaItems: $0.content.agenda.count, firstParagraph: $0.content.paragraphs.first?.number,
                           lastParagraph: $0.content.paragraphs.last?.number, revision: $0.revision, frozen: $0.frozen,
                           justeratOn: $0.justeratOn)
        }
    }

    // MARK: Attendance

    static func prepareAttendance(_ request: AttendanceSet, _ context: PrepareContext) throws -> Prepared<AttendanceSet, Composition> {
        let ref = try canonical(request.meeting)
        var request = request
        request.meeting = ref
        return Prepared(request: request, fact: try RegistryLookup.composition(ref.committee, on: ref.date, from: context.peers))
    }

    static func attendanceSet(_ prepared: Prepared<AttendanceSet, Composition>, _ context: HandlerContext) throws -> Meeting {
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(prepared.request.meeting, store)
        let attendance = try AttendanceResolver.resolve(prepared.request, composition: prepared.fact)
        meeting.content.paragraphs = try reresolve(meeting.content.paragraphs, attendance: attendance)
        meeting.content.attendance = attendance
        if let details = meeting.content.protocol { try ProtocolRules.checkJusterare(details.justerare, attendance: attendance) }
        try store.save(meeting)
        let present = attendance.members.filter { $0.attends }.count
        try context.audit(action: "attendance", entity: "meeting", entityID: MeetingStore.name(prepared.request.meeting),
                          summary: "\(present) members present, \(prepared.request.substitutions.count) substitutions, \(prepared.request.changes.count) changes")
        return meeting
    }
}
