import KansliProtocol

/// Every method `kansli-documents` answers beyond the common ones, with its stable id
/// (0x0300…0x03FF), dotted name and the roles it admits. Once published an id never changes
/// meaning. 0x0300 meetings, 0x0310 attendance, 0x0320 paragraphs, 0x0330 protocols and
/// rendering, 0x0340 sequences and case numbers, 0x0350 notices and deadlines, 0x0360
/// dispatches, 0x0370 signing, verification, export and the committee log.
public enum DocumentsMethods {
    // MARK: Meetings 0x0300

    /// A meeting in a committee's year plan, with its agenda.
    public static let meetingCreate = Method<MeetingCreate, Meeting>(
        id: 0x0300, name: "documents.meeting.create", access: .write, roles: .writers)
    /// Replaces a meeting's time, place and agenda.
    public static let meetingUpdate = Method<MeetingUpdate, Meeting>(
        id: 0x0301, name: "documents.meeting.update", access: .write, roles: .writers)
    /// One meeting with everything recorded about it.
    public static let meetingGet = Method<MeetingRef, Meeting>(
        id: 0x0303, name: "documents.meeting.get", access: .read, roles: .readers)
    /// A committee's meetings, by day.
    public static let meetingList = Method<MeetingListRequest, [MeetingSummary]>(
        id: 0x0304, name: "documents.meeting.list", access: .read, roles: .readers)

    // MARK: Attendance 0x0310

    /// Records who attended, over the registry's composition on the meeting's day.
    public static let attendanceSet = Method<AttendanceSet, Meeting>(
        id: 0x0310, name: "documents.attendance.set", access: .write, roles: .writers)

    // MARK: Paragraphs 0x0320

    /// The meeting's next paragraph, numbered from the committee's yearly sequence.
    public static let paragraphAdd = Method<ParagraphAdd, Paragraph>(
        id: 0x0320, name: "documents.paragraph.add", access: .write, roles: .writers)
    /// Replaces a paragraph's content.
    public static let paragraphUpdate = Method<ParagraphUpdate, Paragraph>(
        id: 0x0321, name: "documents.paragraph.update", access: .write, roles: .writers)
    /// Removes the year's last paragraph (a number is never left as a gap).
    public static let paragraphRemove = Method<ParagraphRef, Paragraph>(
        id: 0x0322, name: "documents.paragraph.remove", access: .write, roles: .writers)
    /// One paragraph.
    public static let paragraphGet = Method<ParagraphRef, Paragraph>(
        id: 0x0323, name: "documents.paragraph.get", access: .read, roles: .readers)

    // MARK: Protocols 0x0330

    /// Records the protocol's justerare, justering and secretary.
    public static let protocolSet = Method<ProtocolSet, Meeting>(
        id: 0x0330, name: "documents.protocol.set", access: .write, roles: .writers)
    /// Freezes the current revision for signing.
    public static let protocolFreeze = Method<ProtocolFreeze, Meeting>(
        id: 0x0331, name: "documents.protocol.freeze", access: .write, roles: .writers)
    /// A new editable revision after a frozen one.
    public static let protocolRevise = Method<ProtocolRevise, Meeting>(
        id: 0x0332, name: "documents.protocol.revise", access: .write, roles: .writers)
    /// Who must sign the protocol, each once.
    public static let protocolSigners = Method<MeetingRef, [RequiredSigner]>(
        id: 0x0333, name: "documents.protocol.signers", access: .read, roles: .readers)
    /// A protocol, annex, kallelse or extract as HTML or plain text.
    public static let render = Method<RenderRequest, RenderedDocument>(
        id: 0x0334, name: "documents.render", access: .read, roles: .readers)

    // MARK: Sequences and case numbers 0x0340

    /// Sets where a committee's yearly sequences stand.
    public static let sequenceSet = Method<SequenceSet, YearSequence>(
        id: 0x0340, name: "documents.sequence.set", access: .write, roles: .writers)
    /// Where a committee's yearly sequences stand.
    public static let sequenceGet = Method<SequenceRef, YearSequence>(
        id: 0x0343, name: "documents.sequence.get", access: .read, roles: .readers)
    /// Allocates the next case number of a committee's year in its format.
    public static let caseNumberAllocate = Method<CaseNumberAllocate, CaseNumberAllocation>(
        id: 0x0344, name: "documents.casenumber.allocate", access: .write, roles: .writers)

    // MARK: Notices and deadlines 0x0350

    /// Records the notice posted on one party's board.
    public static let noticePost = Method<NoticePost, NoticeStatus>(
        id: 0x0350, name: "documents.notice.post", access: .write, roles: .writers)
    /// The deadlines a posting would give, recording nothing.
    public static let noticeCheck = Method<NoticePost, NoticeStatus>(
        id: 0x0351, name: "documents.notice.check", access: .read, roles: .readers)
    /// Where a meeting's notice stands.
    public static let noticeStatus = Method<MeetingRef, NoticeStatus>(
        id: 0x0353, name: "documents.notice.status", access: .read, roles: .readers)
    /// Dates coming due for open meetings.
    public static let deadlines = Method<DeadlinesRequest, [Deadline]>(
        id: 0x0354, name: "documents.deadlines", access: .read, roles: .readers)

    // MARK: Dispatches 0x0360

    /// Records that a decision was sent to its distribution list.
    public static let dispatchRecord = Method<DispatchRecord, Dispatch>(
        id: 0x0360, name: "documents.dispatch.record", access: .write, roles: .writers)

    // MARK: Signing 0x0370

    /// The exact document to sign, its hashes, the service's clock and who must sign.
    public static let signingDraft = Method<SigningTarget, SigningDraft>(
        id: 0x0370, name: "documents.signing.draft", access: .read, roles: RoleSet.readers.union(.signer))
    /// Records a signature from a required signer's key (the first one freezes the document).
    public static let signingSign = Method<SignatureSubmit, SigningStatus>(
        id: 0x0371, name: "documents.signing.sign", access: .write, roles: .signer)
    /// Checks a signed document: its stored bytes, every signature, and the rows against its data block.
    public static let signingVerify = Method<SigningTarget, VerificationReport>(
        id: 0x0372, name: "documents.signing.verify", access: .read, roles: .readers)
    /// A signed document as a folder that verifies without Kansli.
    public static let signingExport = Method<ExportRequest, ExportedFolder>(
        id: 0x0373, name: "documents.signing.export", access: .read, roles: .readers)
    /// A committee's hash-chained log.
    public static let logGet = Method<LogRequest, CommitteeLog>(
        id: 0x0374, name: "documents.log.get", access: .read, roles: .readers)
    /// Whether a paragraph is in a justerat protocol.
    public static let paragraphJustering = Method<ParagraphRef, ParagraphJustering>(
        id: 0x0375, name: "documents.paragraph.justering", access: .read, roles: .readers)

    /// The justerat rendering: the signed document followed by its signing block and, once the
    /// notice is up everywhere, the BEVIS/ANSLAG block with the log's hash after the justering.
    public static let signingRendering = Method<SigningTarget, RenderedDocument>(
        id: 0x0376, name: "documents.signing.rendering", access: .read, roles: .readers)

    /// Every documents method, in id order, for the method table in docs/PROTOCOL.md and its test.
    public static let all: [MethodSummary] = [
        .init(meetingCreate), .init(meetingUpdate), .init(meetingGet), .init(meetingList),
        .init(attendanceSet),
        .init(paragraphAdd), .init(paragraphUpdate), .init(paragraphRemove), .init(paragraphGet),
        .init(protocolSet), .init(protocolFreeze), .init(protocolRevise), .init(protocolSigners), .init(render),
        .init(sequenceSet), .init(sequenceGet), .init(caseNumberAllocate),
        .init(noticePost), .init(noticeCheck), .init(noticeStatus), .init(deadlines),
        .init(dispatchRecord),
        .init(signingDraft), .init(signingSign), .init(signingVerify), .init(signingExport), .init(logGet), .init(paragraphJustering),
        .init(signingRendering),
    ]
}
