import DocumentsAPI
import KansliProtocol
import KansliService
import RegistryAPI

extension DocumentsHandlers {
    static func paragraphAdd(_ request: ParagraphAdd, _ context: HandlerContext) throws -> Paragraph {
        let ref = try canonical(request.meeting)
        try ParagraphRules.check(request.content)
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(ref, store)
        guard meeting.content.paragraphs.count < TextRules.maximumEntries else {
            throw ServiceError.validation("a meeting has at most \(TextRules.maximumEntries) paragraphs", field: "meeting")
        }
        if let later = try store.laterParagraph(after: ref) {
            throw ServiceError.conflict("\(ref.committee)'s meeting of \(later.date) already has § \(later.number); a new paragraph of the earlier meeting of \(ref.date) would break the order of the year's numbers", field: "meeting")
        }
        var sequence = try store.sequence(committee: ref.committee, year: ref.date.year)
        let number = sequence.nextParagraph
        try TextRules.number(number, field: "meeting")
        let paragraph = try ParagraphRules.resolve(number: number, content: request.content, attendance: meeting.content.attendance)
        meeting.content.paragraphs.append(paragraph)
        if let details = meeting.content.protocol, let attendance = meeting.content.attendance {
            try ProtocolRules.checkJusterare(details.justerare, attendance: attendance)
        }
        try store.claim(paragraph: number, for: ref)
        sequence.nextParagraph += 1
        try store.save(sequence)
        try store.save(meeting)
        try context.audit(action: "add", entity: "paragraph", entityID: "\(MeetingStore.name(ref)) § \(number)",
                          summary: ServiceError.quote(request.content.title, limit: 100))
        return paragraph
    }

    static func paragraphUpdate(_ request: ParagraphUpdate, _ context: HandlerContext) throws -> Paragraph {
        let ref = try canonical(request.meeting)
        try ParagraphRules.check(request.content)
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(ref, store)
        guard let index = meeting.content.paragraphs.firstIndex(where: { $0.number == request.number }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(ref)) has no § \(request.number)", field: "number")
        }
        try requireNotSignedAlone(ref, number: request.number, revision: meeting.revision, context: context)
        let paragraph = try ParagraphRules.resolve(number: request.number, content: request.content, attendance: meeting.content.attendance)
        meeting.content.paragraphs[index] = paragraph
        try store.save(meeting)
        try context.audit(action: "update", entity: "paragraph", entityID: "\(MeetingStore.name(ref)) § \(request.number)",
                          summary: ServiceError.quote(request.content.title, limit: 100))
        return paragraph
    }

    /// Only the year's last number is given back, so the sequence never has a gap.
    static func paragraphRemove(_ request: ParagraphRef, _ context: HandlerContext) throws -> Paragraph {
        let ref = try canonical(request.meeting)
        let store = MeetingStore(connection: context.connection)
        var meeting = try editable(ref, store)
        guard let index = meeting.content.paragraphs.firstIndex(where: { $0.number == request.number }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(ref)) has no § \(request.number)", field: "number")
        }
        try requireNotSignedAlone(ref, number: request.number, revision: meeting.revision, context: context)
        var sequence = try store.sequence(committee: ref.committee, year: ref.date.year)
        guard request.number == sequence.nextParagraph - 1 else {
            throw ServiceError.conflict("§ \(request.number) is not the last paragraph of \(ref.committee)'s \(ref.date.year) (§ \(sequence.nextParagraph - 1) is): removing it would leave a gap; correct it with documents.paragraph.update", field: "number")
        }
        let removed = meeting.content.paragraphs.remove(at: index)
        try store.release(paragraph: request.number, for: ref)
        sequence.nextParagraph -= 1
        try store.save(sequence)
        try store.save(meeting)
        try context.audit(action: "remove", entity: "paragraph", entityID: "\(MeetingStore.name(ref)) § \(request.number)",
                          summary: ServiceError.quote(removed.content.title, limit: 100))
        return removed
    }

    /// A paragraph under omedelbar justering is frozen from its first signature on, even while
    /// the rest of the protocol is still edited.
    static func requireNotSignedAlone(_ ref: MeetingRef, number: Int, revision: Int, context: HandlerContext) throws {
        if try SigningStore(connection: context.connection).frozenParagraphs(ref, revision: revision).contains(number) {
            throw ServiceError.conflict("§ \(number) of \(MeetingStore.name(ref)) was signed on its own (omedelbar justering) and never changes; documents.protocol.revise makes a new revision", field: "number")
        }
    }

    static func paragraphGet(_ request: ParagraphRef, _ context: HandlerContext) throws -> Paragraph {
        let meeting = try MeetingStore(connection: context.connection).meeting(try canonical(request.meeting))
        guard let paragraph = meeting.content.paragraphs.first(where: { $0.number == request.number }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(request.meeting)) has no § \(request.number)", field: "number")
        }
        return paragraph
    }

    // MARK: Sequences and case numbers

    static func sequenceSet(_ request: SequenceSet, _ context: HandlerContext) throws -> YearSequence {
        let committee = try TextRules.committee(request.committee)
        try TextRules.year(request.year)
        try TextRules.number(request.nextParagraph, field: "nextParagraph")
        try TextRules.number(request.nextCaseSerial, field: "nextCaseSerial")
        let store = MeetingStore(connection: context.connection)
        var sequence = try store.sequence(committee: committee, year: request.year)
        if request.nextParagraph != sequence.nextParagraph {
            let given = try store.paragraphCount(committee: committee, year: request.year)
            guard given == 0 else {
                throw ServiceError.conflict("\(committee) has given \(given) paragraph numbers in \(request.year) in Kansli; the sequence continues at § \(sequence.nextParagraph) and is set only before the year's first paragraph", field: "nextParagraph")
            }
        }
        guard request.nextCaseSerial >= sequence.nextCaseSerial else {
            throw ServiceError.conflict("case serials up to \(sequence.nextCaseSerial - 1) of \(request.year) are given; the next is never lowered", field: "nextCaseSerial")
        }
        sequence.nextParagraph = request.nextParagraph
        sequence.nextCaseSerial = request.nextCaseSerial
        try store.save(sequence)
        try context.audit(action: "set", entity: "sequence", entityID: "\(committee) \(request.year)",
                          summary: "next § \(sequence.nextParagraph), next case serial \(sequence.nextCaseSerial)")
        return sequence
    }

    static func sequenceGet(_ request: SequenceRef, _ context: HandlerContext) throws -> YearSequence {
        try TextRules.year(request.year)
        return try MeetingStore(connection: context.connection).sequence(committee: try TextRules.committee(request.committee), year: request.year)
    }

    static func prepareCaseNumber(_ request: CaseNumberAllocate, _ context: PrepareContext) throws -> Prepared<CaseNumberAllocate, String> {
        _ = try TextRules.committee(request.committee)
        try TextRules.year(request.year)
        try TextRules.optionalText(request.classification, field: "classification", limit: 32)
        return Prepared(request: request, fact: try RegistryLookup.committee(request.committee, from: context.peers).caseNumberFormat)
    }

    static func caseNumberAllocate(_ prepared: Prepared<CaseNumberAllocate, String>, _ context: HandlerContext) throws -> CaseNumberAllocation {
        let request = prepared.request
        let committee = try TextRules.committee(request.committee)
        let format: CaseNumberFormat
        do {
            format = try CaseNumberFormat(parsing: prepared.fact)
        } catch {
            throw ServiceError(.internal, "the registry's case-number format of \(committee) does not parse: \(error.message)")
        }
        if format.needsClassification, request.classification == nil {
            throw ServiceError.validation("\(committee)'s case numbers (\(format.template)) need a classification code for {class}", field: "classification")
        }
        let store = MeetingStore(connection: context.connection)
        var sequence = try store.sequence(committee: committee, year: request.year)
        let serial = sequence.nextCaseSerial
        try TextRules.number(serial, field: "year")
        sequence.nextCaseSerial += 1
        try store.save(sequence)
        let number = format.render(year: request.year, serial: serial, classification: request.classification)
        try context.audit(action: "allocate", entity: "case-number", entityID: "\(committee) \(request.year)", summary: number)
        return CaseNumberAllocation(committee: committee, year: request.year, serial: serial, caseNumber: number)
    }
}
