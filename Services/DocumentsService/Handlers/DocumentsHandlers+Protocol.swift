import DocumentsAPI
import KansliProtocol
import KansliService
import RegistryAPI

extension DocumentsHandlers {
    static func protocolSet(_ request: ProtocolSet, _ context: HandlerContext) throws -> Meeting {
        let ref = try canonical(request.meeting)
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(ref, store)
        guard let attendance = meeting.content.attendance else {
            throw ServiceError.conflict("record the attendance (documents.attendance.set) first: justerare are members who attended", field: "meeting")
        }
        if let deadline = request.justeringDeadline, deadline < ref.date {
            throw ServiceError.validation("the justering deadline \(deadline) is before the meeting (\(ref.date))", field: "justeringDeadline")
        }
        meeting.content.protocol = try ProtocolRules.details(request, attendance: attendance)
        try store.save(meeting)
        try context.audit(action: "protocol", entity: "meeting", entityID: MeetingStore.name(ref),
                          summary: "\(request.justerare.count) justerare")
        return meeting
    }

    /// Freezes the current revision: from now on its content never changes. The signing issue
    /// freezes at the first signature through the same store path.
    static func protocolFreeze(_ request: ProtocolFreeze, _ context: HandlerContext) throws -> Meeting {
        let ref = try canonical(request.meeting)
        let store = MeetingStore(connection: context.connection)
        var meeting = try store.meeting(ref)
        guard request.revision == meeting.revision else {
            throw ServiceError.conflict("the protocol of \(MeetingStore.name(ref)) is at revision \(meeting.revision), not \(request.revision)", field: "revision")
        }
        guard !meeting.frozen else { return meeting }
        guard meeting.content.attendance != nil, !meeting.content.paragraphs.isEmpty, meeting.content.protocol != nil else {
            throw ServiceError.conflict("a protocol is frozen once it has attendance, paragraphs and its justerare and secretary (documents.protocol.set)", field: "meeting")
        }
        meeting.frozen = true
        meeting.frozenAt = context.now.iso8601
        try store.save(meeting)
        try context.audit(action: "freeze", entity: "protocol", entityID: "\(MeetingStore.name(ref)) r\(meeting.revision)", summary: "frozen for signing")
        return meeting
    }

    /// A frozen revision is kept as it was; the meeting moves to the next, editable revision.
    static func protocolRevise(_ request: ProtocolRevise, _ context: HandlerContext) throws -> Meeting {
        let ref = try canonical(request.meeting)
        try TextRules.text(request.reason, field: "reason", limit: 2_000)
        let store = MeetingStore(connection: context.connection)
        var meeting = try store.meeting(ref)
        guard meeting.frozen else {
            throw ServiceError.conflict("revision \(meeting.revision) of \(MeetingStore.name(ref)) is not frozen and can be edited as it is", field: "meeting")
        }
        guard meeting.justeratOn == nil, meeting.notices.isEmpty else {
            throw ServiceError.conflict("the protocol of \(MeetingStore.name(ref)) is justerat and its notice recorded; a justerat protocol is never revised", field: "meeting")
        }
        try store.keep(revisionOf: meeting, reason: request.reason, at: context.now)
        meeting.revision += 1
        meeting.frozen = false
        meeting.frozenAt = nil
        try store.save(meeting)
        try context.audit(action: "revise", entity: "protocol", entityID: "\(MeetingStore.name(ref)) r\(meeting.revision)",
                          summary: ServiceError.quote(request.reason, limit: 200))
        return meeting
    }

    static func protocolSigners(_ request: MeetingRef, _ context: HandlerContext) throws -> [RequiredSigner] {
        let ref = try canonical(request, field: "")
        let meeting = try MeetingStore(connection: context.connection).meeting(ref)
        guard let details = meeting.content.protocol else {
            throw ServiceError.conflict("the protocol of \(MeetingStore.name(ref)) has no justerare or secretary yet (documents.protocol.set)", field: "meeting")
        }
        return SignerRules.requiredSigners(paragraphs: meeting.content.paragraphs, details: details, attendance: meeting.content.attendance)
    }

    // MARK: Rendering

    static func prepareRender(_ request: RenderRequest, _ context: PrepareContext) throws -> Prepared<RenderRequest, Composition?> {
        var request = request
        request.meeting = try canonical(request.meeting)
        guard request.document == .kallelse else { return Prepared(request: request, fact: nil) }
        return Prepared(request: request, fact: try RegistryLookup.composition(request.meeting.committee, on: request.meeting.date, from: context.peers))
    }

    static func render(_ prepared: Prepared<RenderRequest, Composition?>, _ context: HandlerContext) throws -> RenderedDocument {
        let request = prepared.request
        let meeting = try MeetingStore(connection: context.connection).meeting(request.meeting)
        return try DocumentRenderer.render(request.document, format: request.format, meeting: meeting,
                                           paragraph: request.paragraph, composition: prepared.fact)
    }
}
