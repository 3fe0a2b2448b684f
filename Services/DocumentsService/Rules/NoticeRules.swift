import DocumentsAPI
import KansliProtocol

/// The notice (anslag) of a justerat protocol and the deadlines it gives, as pure functions.
///
/// A joint committee's notice goes up on the board of every party; the three weeks to appeal
/// run from the day it is up on all of them (kommunallagen 13 kap.). Late is a warning, never a
/// refusal: the notice should be up no later than the second day after justering (KL 8 kap.
/// 12 §), and justering should come by its deadline and within 14 days of the meeting (KL 5 kap.
/// 69 § via 6 kap. 35 §).
enum NoticeRules {
    /// The longest a justering may come after the meeting without a warning, in days.
    static let justeringWithinDays = 14
    /// The latest day after justering a notice may go up without a warning, in days.
    static let postingWithinDays = 2

    /// Where the notice of `meeting` stands.
    static func status(of meeting: Meeting) -> NoticeStatus {
        let ref = MeetingRef(committee: meeting.committee, date: meeting.date)
        let parties = meeting.content.attendance?.parties ?? []
        let order = Dictionary(parties.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let postings = meeting.notices.sorted { (order[$0.party] ?? Int.max, $0.party) < (order[$1.party] ?? Int.max, $1.party) }
        let posted = Set(postings.map(\.party))
        let pending = parties.map(\.code).filter { !posted.contains($0) }
        let last = pending.isEmpty && !parties.isEmpty ? postings.map(\.postedOn).max() : nil
        let appeal = last.map { SwedishCalendar.appealLastDay(lastPosting: $0) }
        return NoticeStatus(
            meeting: ref, justeratOn: meeting.justeratOn, justeringDeadline: meeting.content.protocol?.justeringDeadline,
            postings: postings, pendingParties: pending, lastPosting: last, appealLastDay: appeal,
            takeDownEarliest: appeal?.adding(days: 1), warnings: warnings(meeting, postings: postings))
    }

    /// What is late about the justering and the postings.
    static func warnings(_ meeting: Meeting, postings: [NoticePosting]) -> [String] {
        guard let justerat = meeting.justeratOn else { return [] }
        var warnings: [String] = []
        if let deadline = meeting.content.protocol?.justeringDeadline, justerat > deadline {
            warnings.append("justering on \(justerat) came after its deadline \(deadline)")
        }
        let latest = meeting.date.adding(days: justeringWithinDays)
        if justerat > latest {
            warnings.append("justering on \(justerat) came \(meeting.date.days(until: justerat)) days after the meeting; it should come within \(justeringWithinDays) days, by \(latest) (KL 5 kap. 69 §, 6 kap. 35 §)")
        }
        let postBy = justerat.adding(days: postingWithinDays)
        for posting in postings where posting.postedOn > postBy {
            warnings.append("the notice on \(posting.partyName)'s board went up \(posting.postedOn), \(justerat.days(until: posting.postedOn)) days after justering on \(justerat); it should be up by \(postBy) (KL 8 kap. 12 §)")
        }
        return warnings
    }

    /// Refuses a posting that cannot be true: before the meeting or justering, in the future,
    /// on a board of no party of the committee, or a second one for the same party.
    static func check(_ request: NoticePost, meeting: Meeting, today: CalendarDate) throws -> (justeratOn: CalendarDate, posting: NoticePosting) {
        guard let attendance = meeting.content.attendance else {
            throw ServiceError.conflict("the meeting of \(meeting.committee) on \(meeting.date) has no attendance yet, so no parties to post for", field: "meeting")
        }
        guard let party = attendance.parties.first(where: { $0.code == request.party }) else {
            throw ServiceError.notFound("\(ServiceError.quote(request.party)) is not a party of \(meeting.committee) on \(meeting.date)", field: "party")
        }
        let justerat: CalendarDate
        switch (meeting.justeratOn, request.justeratOn) {
        case let (recorded?, given?) where recorded != given:
            throw ServiceError.conflict("the protocol was justerat on \(recorded), not \(given)", field: "justeratOn")
        case let (recorded?, _): justerat = recorded
        case let (nil, given?): justerat = given
        case (nil, nil):
            throw ServiceError.validation("the protocol's justering is not recorded: give the day it was justerat", field: "justeratOn")
        }
        guard justerat >= meeting.date else {
            throw ServiceError.validation("the protocol cannot be justerat (\(justerat)) before its meeting (\(meeting.date))", field: "justeratOn")
        }
        guard justerat <= today else {
            throw ServiceError.validation("justering on \(justerat) is after today (\(today))", field: "justeratOn")
        }
        guard request.postedOn >= justerat else {
            throw ServiceError.validation("the notice cannot go up (\(request.postedOn)) before justering (\(justerat))", field: "postedOn")
        }
        if let earlier = meeting.notices.first(where: { $0.party == request.party }) {
            throw ServiceError.conflict("the notice is already recorded on \(party.name)'s board, from \(earlier.postedOn)", field: "party")
        }
        return (justerat, NoticePosting(party: party.code, partyName: party.name, postedOn: request.postedOn, recordedAt: ""))
    }

    /// The dates coming due for `meeting`, judged on `day`; empty once its appeal period is over.
    static func deadlines(_ meeting: Meeting, on day: CalendarDate) -> [Deadline] {
        guard meeting.date <= day else { return [] }
        let status = status(of: meeting)
        if let appeal = status.appealLastDay, appeal < day { return [] }
        func deadline(_ kind: DeadlineKind, _ due: CalendarDate, _ description: String) -> Deadline {
            Deadline(committee: meeting.committee, meeting: meeting.date, kind: kind, due: due, description: description, overdue: due < day)
        }
        guard let justerat = meeting.justeratOn else {
            let due = min(status.justeringDeadline ?? meeting.date.adding(days: justeringWithinDays), meeting.date.adding(days: justeringWithinDays))
            return [deadline(.justering, due, "Protokollet ska justeras senast \(due).")]
        }
        var result: [Deadline] = []
        if !status.pendingParties.isEmpty {
            let names = meeting.content.attendance?.parties.filter { status.pendingParties.contains($0.code) }.map(\.name) ?? status.pendingParties
            result.append(deadline(.notice, justerat.adding(days: postingWithinDays),
                                   "Anslag om justering saknas på anslagstavlan hos: \(names.joined(separator: ", "))."))
        }
        if let appeal = status.appealLastDay, let down = status.takeDownEarliest {
            result.append(deadline(.appeal, appeal, "Sista dag för överklagande."))
            result.append(deadline(.takeDown, down, "Anslaget får tas ned."))
        }
        return result
    }
}
