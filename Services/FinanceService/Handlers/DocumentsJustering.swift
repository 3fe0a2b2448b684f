import DocumentsAPI
import FinanceAPI
import KansliProtocol
import KansliService

/// What documents says about the paragraph that adopted a budget, asked in a preparation.
///
/// A committee whose minutes are kept in Kansli has the answer there: the budget is adopted
/// when documents says the paragraph is in a justerat protocol, on the day it says, and a
/// caller's other word is refused. A meeting documents does not hold (minutes kept elsewhere)
/// leaves the caller's word, recorded as such.
enum DocumentsJustering: Sendable {
    /// Documents holds the meeting: what it says about the paragraph.
    case kept(ParagraphJustering)
    /// Documents has no such meeting.
    case notKept

    /// Asks documents about `paragraph` of `committee`'s meeting on `date`; `unavailable` when it
    /// does not answer, and a paragraph the meeting does not have is refused.
    static func fetch(committee: String, date: CalendarDate, paragraph: Int, from peers: PeerCalls) throws -> DocumentsJustering {
        let ref = ParagraphRef(meeting: MeetingRef(committee: committee, date: date), number: paragraph)
        do {
            return .kept(try peers.call("documents", DocumentsMethods.paragraphJustering, ref))
        } catch {
            guard error.code == .notFound else { throw error }
            if error.field == "number" {
                throw ServiceError.validation("the meeting of \(committee) \(date) in documents has no § \(paragraph)", field: "adoption.paragraph")
            }
            return .notKept
        }
    }

    /// The adoption as it is recorded: confirmed by documents when it holds the meeting.
    func confirm(_ adoption: Adoption, field: String) throws -> Adoption {
        guard case .kept(let justering) = self else {
            var adoption = adoption
            adoption.confirmedBy = adoption.justeratOn == nil ? nil : "caller"
            return adoption
        }
        let name = "\(justering.paragraph.meeting.committee) \(justering.paragraph.meeting.date) § \(justering.paragraph.number)"
        var confirmed = adoption
        switch (adoption.justeratOn, justering.justeratOn) {
        case (let claimed?, nil):
            throw ServiceError.conflict("documents says \(name) (\(justering.title)) is not justerat yet, not justerat \(claimed)", field: field)
        case (let claimed?, let day?) where claimed != day:
            throw ServiceError.conflict("documents says \(name) was justerat \(day), not \(claimed)", field: field)
        case (_, let day?):
            confirmed.justeratOn = day
            confirmed.confirmedBy = "documents: SHA-256 \(justering.documentSHA256 ?? "-")"
        case (nil, nil):
            confirmed.confirmedBy = nil
        }
        return confirmed
    }
}
