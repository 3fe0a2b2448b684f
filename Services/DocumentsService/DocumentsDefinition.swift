// DocumentsService: what was decided — meetings, agendas, attendance, paragraphs, minutes, the
// signing flow (justering), notices (anslag) and extracts (utdrag).
//
// Layout: `Rules/` (pure: attendance against the composition, quorum, chairs, votes, signers,
// the Swedish calendar, notices and deadlines), `Store/` (schema and SQL; the one place a
// frozen revision's content is refused), `Registry/` (what is asked of the registry, in a
// handler's preparation), `Render/` (protocol, annex, kallelse and extract as deterministic HTML
// and plain text), `Handlers/` (thin). It must not read another service's database: it asks
// the registry over the protocol, and never inside a transaction. Dates and times come from
// the request's `now` (the runtime's clock), never from the system clock.
import DocumentsAPI
import KansliService
import KansliStore

/// The documents service as the runtime runs it.
public struct DocumentsDefinition: ServiceDefinition {
    public static let serviceName = "documents"

    public init() {}

    public var migrations: [Migration] { DocumentsSchema.migrations }

    /// It asks the registry about committees, members and (for signing) their keys.
    public var peers: [String] { ["registry"] }

    public func register(into router: ServiceRouter) {
        typealias H = DocumentsHandlers
        typealias M = DocumentsMethods
        router.register(M.meetingCreate, prepare: H.prepareCreate, apply: H.meetingCreate)
        router.register(M.meetingUpdate, H.meetingUpdate)
        router.register(M.meetingGet, H.meetingGet)
        router.register(M.meetingList, H.meetingList)
        router.register(M.attendanceSet, prepare: H.prepareAttendance, apply: H.attendanceSet)
        router.register(M.paragraphAdd, H.paragraphAdd)
        router.register(M.paragraphUpdate, H.paragraphUpdate)
        router.register(M.paragraphRemove, H.paragraphRemove)
        router.register(M.paragraphGet, H.paragraphGet)
        router.register(M.protocolSet, H.protocolSet)
        router.register(M.protocolFreeze, H.protocolFreeze)
        router.register(M.protocolRevise, H.protocolRevise)
        router.register(M.protocolSigners, H.protocolSigners)
        router.register(M.render, prepare: H.prepareRender, apply: H.render)
        router.register(M.sequenceSet, H.sequenceSet)
        router.register(M.sequenceGet, H.sequenceGet)
        router.register(M.caseNumberAllocate, prepare: H.prepareCaseNumber, apply: H.caseNumberAllocate)
        router.register(M.noticePost, H.noticePost)
        router.register(M.noticeCheck, H.noticeCheck)
        router.register(M.noticeStatus, H.noticeStatus)
        router.register(M.deadlines, H.deadlines)
        router.register(M.dispatchRecord, H.dispatchRecord)
        router.register(M.signingDraft, H.signingDraft)
        router.register(M.signingSign, prepare: H.prepareSign, apply: H.sign)
        router.register(M.signingVerify, H.signingVerify)
        router.register(M.signingExport, H.signingExport)
        router.register(M.logGet, H.logGet)
        router.register(M.paragraphJustering, H.paragraphJustering)
        router.register(M.signingRendering, H.signingRendering)
    }
}
