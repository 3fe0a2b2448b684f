import DocumentsAPI
import KansliProtocol

/// The rules of a paragraph, as pure functions of its content and the meeting's attendance:
/// quorum, the chair, motions, votes checked against who was serving, reservations.
enum ParagraphRules {
    /// Checks the content's texts and lists.
    static func check(_ content: ParagraphContent, field: String = "content") throws {
        try TextRules.text(content.title, field: "\(field).title")
        try TextRules.optionalText(content.caseNumber, field: "\(field).caseNumber")
        try TextRules.text(content.decision, field: "\(field).decision", limit: TextRules.maximumLongText)
        try TextRules.optionalText(content.summary, field: "\(field).summary", limit: TextRules.maximumLongText)
        try TextRules.optionalText(content.proceedings, field: "\(field).proceedings", limit: TextRules.maximumLongText)
        try TextRules.optionalText(content.decisionProcess, field: "\(field).decisionProcess", limit: TextRules.maximumLongText)
        try TextRules.list(content.documents, field: "\(field).documents")
        try TextRules.list(content.distribution, field: "\(field).distribution")
        try TextRules.count(content.motions.count, field: "\(field).motions")
        try TextRules.count(content.reservations.count, field: "\(field).reservations")
        for (index, motion) in content.motions.enumerated() {
            try TextRules.person(motion.person, field: "\(field).motions[\(index)].person")
            try TextRules.text(motion.text, field: "\(field).motions[\(index)].text", limit: TextRules.maximumLongText)
        }
        for (index, reservation) in content.reservations.enumerated() {
            try TextRules.person(reservation.person, field: "\(field).reservations[\(index)].person")
            try TextRules.optionalText(reservation.reason, field: "\(field).reservations[\(index)].reason", limit: TextRules.maximumLongText)
        }
        if let chair = content.chair { try TextRules.person(chair, field: "\(field).chair") }
        if let confidential = content.confidential { try TextRules.text(confidential.ground, field: "\(field).confidential.ground") }
        if let vote = content.vote {
            try TextRules.count(vote.ballots.count, field: "\(field).vote.ballots")
            guard content.decisionMethod == .vote else {
                throw ServiceError.validation("a paragraph with a vote is decided by vote: set decisionMethod to vote", field: "\(field).decisionMethod")
            }
        } else if content.decisionMethod == .vote {
            throw ServiceError.validation("decisionMethod is vote but no vote is recorded", field: "\(field).vote")
        }
    }

    /// The paragraph numbered `number` with `content`, its chair and quorum resolved against
    /// `attendance`; refused when it lacks a quorum or names someone who did not serve.
    static func resolve(number: Int, content: ParagraphContent, attendance: Attendance?, field: String = "content") throws -> Paragraph {
        guard let attendance else {
            throw ServiceError.conflict("record the attendance (documents.attendance.set) before the paragraphs: quorum and chair depend on it", field: "meeting")
        }
        let quorum = attendance.quorum(at: number)
        guard quorum.serving >= quorum.needed else {
            throw ServiceError.validation("§ \(number) cannot be decided without a quorum: \(quorum.serving) of \(quorum.seats) ledamöter serve (counting serving ersättare), more than half, \(quorum.needed), are needed", field: "meeting")
        }
        let serving = attendance.serving(at: number)
        let servingIDs = Set(serving.map(\.person))
        func requireServing(_ person: String, _ what: String, _ path: String) throws -> Attendee {
            guard let member = attendance.member(person) else {
                throw ServiceError.notFound("\(ServiceError.quote(person)) is not a member of the committee on the meeting's day (\(what))", field: path)
            }
            guard servingIDs.contains(person) else {
                throw ServiceError.validation("\(member.displayName) did not serve at § \(number) and cannot be its \(what)", field: path)
            }
            return member
        }
        let chair: Attendee
        if let named = content.chair {
            chair = try requireServing(named, "chair", "\(field).chair")
        } else if let found = serving.first(where: { $0.roles.contains("chair") }) ?? serving.first(where: { $0.roles.contains("vice-chair") }) {
            chair = found
        } else {
            throw ServiceError.validation("§ \(number) has no chair: neither the chair nor the vice chair serves; name who chaired it", field: "\(field).chair")
        }
        for (index, motion) in content.motions.enumerated() {
            _ = try requireServing(motion.person, "mover", "\(field).motions[\(index)].person")
        }
        var reserved = Set<String>()
        for (index, reservation) in content.reservations.enumerated() {
            let member = try requireServing(reservation.person, "reserving member", "\(field).reservations[\(index)].person")
            guard reserved.insert(reservation.person).inserted else {
                throw ServiceError.validation("\(member.displayName) reserves twice against § \(number)", field: "\(field).reservations[\(index)]")
            }
        }
        if let vote = content.vote { try check(vote, number: number, serving: serving, field: "\(field).vote") }
        return Paragraph(number: number, content: content, chair: chair.person, chairName: chair.displayName, quorum: quorum)
    }

    /// An open vote lists every serving member's ballot exactly once and its tally matches; a
    /// secret ballot records only a tally of as many ballots as members served.
    static func check(_ vote: Vote, number: Int, serving: [Attendee], field: String) throws {
        guard vote.yes >= 0, vote.no >= 0, vote.abstain >= 0 else {
            throw ServiceError.validation("a tally cannot be negative", field: field)
        }
        switch vote.kind {
        case .secret:
            guard vote.ballots.isEmpty else {
                throw ServiceError.validation("a secret ballot records only the tally, never who voted how", field: "\(field).ballots")
            }
            let total = vote.yes + vote.no + vote.abstain
            guard total == serving.count else {
                throw ServiceError.validation("the secret ballot's tally counts \(total) ballots, but \(serving.count) members served at § \(number)", field: field)
            }
        case .open:
            let servingIDs = Set(serving.map(\.person))
            var seen = Set<String>()
            for (index, ballot) in vote.ballots.enumerated() {
                try TextRules.person(ballot.person, field: "\(field).ballots[\(index)].person")
                guard servingIDs.contains(ballot.person) else {
                    throw ServiceError.validation("\(ServiceError.quote(ballot.person)) did not serve at § \(number) and cannot vote", field: "\(field).ballots[\(index)].person")
                }
                guard seen.insert(ballot.person).inserted else {
                    throw ServiceError.validation("\(ballot.person) votes twice", field: "\(field).ballots[\(index)].person")
                }
            }
            let missing = serving.filter { !seen.contains($0.person) }
            guard missing.isEmpty else {
                throw ServiceError.validation("every serving member's vote is recorded (ja, nej or avstår); missing: \(missing.map(\.displayName).joined(separator: ", "))", field: "\(field).ballots")
            }
            let yes = vote.ballots.filter { $0.choice == .ja }.count
            let no = vote.ballots.filter { $0.choice == .nej }.count
            let abstain = vote.ballots.filter { $0.choice == .avstar }.count
            guard (yes, no, abstain) == (vote.yes, vote.no, vote.abstain) else {
                throw ServiceError.validation("the tally \(vote.yes)–\(vote.no)–\(vote.abstain) does not match the ballots: \(yes) ja, \(no) nej, \(abstain) avstår", field: field)
            }
        }
    }
}
