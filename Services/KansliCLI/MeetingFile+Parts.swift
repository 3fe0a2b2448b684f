import DocumentsAPI
import KansliProtocol

// The parts of a meeting file whose lists and flags may be left out: the service's
// `AgendaItem`, `ParagraphContent` and `Vote` require every field, as the binary coder does.
extension MeetingFile {
    /// An `AgendaItem` whose lists may be left out.
    struct FileAgendaItem: Codable, Equatable {
        var title: String
        var caseNumber: String?
        var speaker: String?
        var time: String?
        var description: String?
        var proposedDecision: String?
        var documents: [String]?
        var distribution: [String]?
        var confidential: Confidentiality?

        var item: AgendaItem {
            AgendaItem(title: title, caseNumber: caseNumber, speaker: speaker, time: time, description: description,
                       proposedDecision: proposedDecision, documents: documents ?? [], distribution: distribution ?? [],
                       confidential: confidential)
        }
    }

    /// A `ParagraphContent` whose lists and flags may be left out (also what
    /// `kansli documents paragraph add --file` reads).
    struct FileParagraph: Codable, Equatable {
        var title: String
        var caseNumber: String?
        var decision: String
        var summary: String?
        var proceedings: String?
        var motions: [Motion]?
        var decisionMethod: DecisionMethod?
        var decisionProcess: String?
        var vote: FileVote?
        var reservations: [Reservation]?
        var immediateJustering: Bool?
        var documents: [String]?
        var distribution: [String]?
        var chair: String?
        var confidential: Confidentiality?

        var content: ParagraphContent {
            ParagraphContent(title: title, caseNumber: caseNumber, decision: decision, summary: summary, proceedings: proceedings,
                             motions: motions ?? [], decisionMethod: decisionMethod ?? (vote == nil ? nil : .vote),
                             decisionProcess: decisionProcess, vote: vote?.vote, reservations: reservations ?? [],
                             immediateJustering: immediateJustering ?? false, documents: documents ?? [],
                             distribution: distribution ?? [], chair: chair, confidential: confidential)
        }
    }

    /// A vote: an open vote's tally may be left out (it is counted from the ballots); a secret
    /// ballot gives only the tally.
    struct FileVote: Codable, Equatable {
        var kind: VoteKind
        var ballots: [Ballot]?
        var yes: Int?
        var no: Int?
        var abstain: Int?

        var vote: Vote {
            let ballots = ballots ?? []
            func count(_ choice: BallotChoice) -> Int { ballots.count { $0.choice == choice } }
            return Vote(kind: kind, ballots: ballots, yes: yes ?? count(.ja), no: no ?? count(.nej), abstain: abstain ?? count(.avstar))
        }
    }
}
