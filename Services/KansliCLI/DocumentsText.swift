import DocumentsAPI
import KansliProtocol

/// How the documents commands write meetings, paragraphs, notices and deadlines as text: one
/// line naming the record after a write, tables after a read. The rendered minutes themselves
/// (Swedish) come from the service: `kansli documents render`.
enum DocumentsText {
    /// `NBE 2022-06-22`.
    static func name(_ meeting: Meeting) -> String { "\(meeting.committee) \(meeting.date)" }

    /// `§ 8–16`, `§ 8`, or `no paragraphs`.
    static func span(_ numbers: [Int]) -> String {
        guard let first = numbers.first, let last = numbers.last else { return "no paragraphs" }
        return first == last ? "§ \(first)" : "§ \(first)–\(last)"
    }

    /// After a meeting is created or changed.
    static func written(_ meeting: Meeting) -> String {
        "Meeting \(name(meeting)) \(meeting.content.startTime), \(meeting.content.place): \(meeting.content.agenda.count) agenda items, revision \(meeting.revision)."
    }

    /// After `documents import`: what the meeting now holds, with the figures to check.
    static func imported(_ meeting: Meeting) -> String {
        let paragraphs = meeting.content.paragraphs
        var lines = ["Imported the meeting of \(meeting.committeeShortName) \(meeting.date): \(span(paragraphs.map(\.number))), revision \(meeting.revision)."]
        if let attendance = meeting.content.attendance {
            lines.append(attendanceSummary(attendance))
        }
        lines += quorumLines(paragraphs)
        if let details = meeting.content.protocol {
            lines.append("Justerare: \(details.justerare.joined(separator: ", ")); secretary \(details.secretaryName)"
                         + (details.justeringDeadline.map { "; justering by \($0)" } ?? "") + ".")
        }
        return lines.joined(separator: "\n")
    }

    /// Runs of paragraphs with the same quorum and chair: `§ 8–14: 9 of 14 serving (8 needed), chair Isak Utsi (S)`.
    static func quorumLines(_ paragraphs: [Paragraph]) -> [String] {
        var runs: [(numbers: [Int], key: String)] = []
        for paragraph in paragraphs {
            let key = "\(paragraph.quorum.serving) of \(paragraph.quorum.seats) serving (\(paragraph.quorum.needed) needed), chair \(paragraph.chairName)"
            if let last = runs.last, last.key == key, last.numbers.last == paragraph.number - 1 {
                runs[runs.count - 1].numbers.append(paragraph.number)
            } else {
                runs.append(([paragraph.number], key))
            }
        }
        return runs.map { "\(span($0.numbers)): \($0.key)" }
    }

    static func attendanceSummary(_ attendance: Attendance) -> String {
        let ledamoter = attendance.members.filter { $0.kind == .ledamot }
        let present = ledamoter.filter(\.attends).count
        let serving = attendance.members.filter { $0.kind == .ersattare && !$0.serving.isEmpty }.count
        return "Attendance on the composition of \(attendance.compositionDate): \(present) of \(ledamoter.count) ledamöter present, "
            + "\(serving) ersättare serving, \(attendance.others.count + attendance.staff.count) others."
    }

    /// `meeting show`.
    static func meeting(_ meeting: Meeting) -> String {
        let content = meeting.content
        var lines = ["\(meeting.committeeName) (\(meeting.committee)), \(meeting.date) \(content.startTime)"
                     + (content.endTime.map { "–\($0)" } ?? "") + ", \(content.place)",
                     "Revision \(meeting.revision)" + (meeting.frozen ? ", frozen for signing\(meeting.frozenAt.map { " at \($0)" } ?? "")" : ", editable")
                     + (meeting.justeratOn.map { "; justerat \($0)" } ?? "") + "."]
        if !content.agenda.isEmpty {
            var table = TextTable(["#", "agenda item", "case", "speaker", "time"])
            for (index, item) in content.agenda.enumerated() {
                table.add(["\(index + 1)", item.title + (item.confidential == nil ? "" : " (sekretess)"), item.caseNumber ?? "",
                           item.speaker ?? "", item.time ?? ""])
            }
            lines += ["", table.render()]
        }
        if let attendance = content.attendance {
            lines += ["", attendanceSummary(attendance)]
        }
        if !content.paragraphs.isEmpty {
            var table = TextTable(["§", "title", "case", "serving", "chair"])
            for paragraph in content.paragraphs {
                table.add(["\(paragraph.number)", paragraph.content.title, paragraph.content.caseNumber ?? "",
                           "\(paragraph.quorum.serving)/\(paragraph.quorum.seats)", paragraph.chairName])
            }
            lines += ["", table.render()]
        }
        if let details = content.protocol { lines += ["", protocolLine(details)] }
        if !meeting.notices.isEmpty {
            lines += ["", "Notice up: " + meeting.notices.map { "\($0.partyName) \($0.postedOn)" }.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n")
    }

    static func protocolLine(_ details: ProtocolDetails) -> String {
        "Justerare: \(details.justerare.isEmpty ? "none yet" : details.justerare.joined(separator: ", ")); secretary \(details.secretaryName)"
            + (details.justeringPlace.map { "; \($0)" } ?? "") + (details.justeringDeadline.map { ", by \($0)" } ?? "") + "."
    }

    /// `protocol set`.
    static func protocolDetails(_ meeting: Meeting) -> String {
        "Protocol of \(name(meeting)): " + (meeting.content.protocol.map(protocolLine) ?? "no details.")
    }

    /// `meeting list`.
    static func meetings(_ meetings: [MeetingSummary]) -> String {
        guard !meetings.isEmpty else { return "No meetings." }
        var table = TextTable(["date", "time", "place", "agenda", "paragraphs", "revision", "status"])
        for meeting in meetings {
            let numbers = [meeting.firstParagraph, meeting.lastParagraph].compactMap { $0 }
            let status = meeting.justeratOn.map { "justerat \($0)" } ?? (meeting.frozen ? "frozen for signing" : "editable")
            table.add(["\(meeting.date)", meeting.startTime, meeting.place, "\(meeting.agendaItems)",
                       numbers.isEmpty ? "" : span(numbers), "\(meeting.revision)", status])
        }
        return table.render()
    }

    /// `attendance set`: the närvarolista's groups, and each paragraph's quorum.
    static func attendance(_ meeting: Meeting) -> String {
        guard let attendance = meeting.content.attendance else { return "No attendance recorded for \(name(meeting))." }
        var table = TextTable(["person", "name", "party", "kind", "attends", "serving for"])
        for member in attendance.members {
            let presence = member.attends ? [member.from.map { "from § \($0)" }, member.through.map { "through § \($0)" }]
                .compactMap { $0 }.joined(separator: " ") : "absent"
            let serving = member.serving.map { span in
                span.replacesName + ([span.from, span.through].allSatisfy { $0 == nil } ? "" : " (§ \(span.from.map(String.init) ?? "")–\(span.through.map(String.init) ?? ""))")
            }.joined(separator: ", ")
            let recusals = member.recusals.isEmpty ? "" : ", jäv § " + member.recusals.map(String.init).joined(separator: ", ")
            table.add([member.person, member.name, member.partyName, member.kind.rawValue,
                       (presence.isEmpty ? "yes" : presence) + recusals, serving])
        }
        return ([attendanceSummary(attendance), "", table.render()] + (meeting.content.paragraphs.isEmpty ? [] : [""] + quorumLines(meeting.content.paragraphs)))
            .joined(separator: "\n")
    }

    /// After a paragraph is added or changed.
    static func paragraphWritten(_ paragraph: Paragraph) -> String {
        "§ \(paragraph.number) \(paragraph.content.title): \(paragraph.quorum.serving) of \(paragraph.quorum.seats) serving "
            + "(\(paragraph.quorum.needed) needed), chair \(paragraph.chairName)."
    }

    /// `paragraph show`.
    static func paragraph(_ paragraph: Paragraph) -> String {
        let content = paragraph.content
        var lines = ["§ \(paragraph.number) \(content.title)" + (content.caseNumber.map { " (\($0))" } ?? ""),
                     "Quorum: \(paragraph.quorum.serving) of \(paragraph.quorum.seats) serving, \(paragraph.quorum.needed) needed; chair \(paragraph.chairName).",
                     "Beslut: \(content.decision)"]
        if let ground = content.confidential?.ground { lines.append("Sekretess: \(ground)") }
        if let summary = content.summary { lines.append("Sammanfattning: \(summary)") }
        if let proceedings = content.proceedings { lines.append("Ärendets behandling: \(proceedings)") }
        lines += content.motions.map { "Yrkande (\($0.person)): \($0.text)" }
        if let process = content.decisionProcess { lines.append("Beslutsgång: \(process)") }
        if let vote = content.vote { lines.append("Omröstning (\(vote.kind.rawValue)): \(vote.yes) ja, \(vote.no) nej, \(vote.abstain) avstår.") }
        lines += content.reservations.map { "Reservation: \($0.person)" + ($0.reason.map { ": \($0)" } ?? "") }
        if content.immediateJustering { lines.append("Omedelbart justerad.") }
        if !content.documents.isEmpty { lines.append("Beslutsunderlag: " + content.documents.joined(separator: "; ")) }
        if !content.distribution.isEmpty { lines.append("Beslutet skickas till: " + content.distribution.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    /// `protocol signers`.
    static func signers(_ signers: [RequiredSigner]) -> String {
        guard !signers.isEmpty else { return "No signers yet: record the attendance, paragraphs and protocol details first." }
        var table = TextTable(["person", "name", "signs as", "paragraphs"])
        for signer in signers {
            table.add([signer.person, signer.name, signer.roles.map(\.rawValue).joined(separator: ", "),
                       signer.paragraphs.isEmpty ? "" : span(signer.paragraphs)])
        }
        return table.render()
    }

    /// `sequence set|show`.
    static func sequence(_ sequence: YearSequence) -> String {
        "\(sequence.committee) \(sequence.year): next paragraph § \(sequence.nextParagraph), next case serial \(sequence.nextCaseSerial)."
    }

    /// `notice post|status`.
    static func notice(_ status: NoticeStatus) -> String {
        var lines = ["Notice of \(status.meeting.committee) \(status.meeting.date)"
                     + (status.justeratOn.map { ", justerat \($0)" } ?? ", not justerat yet") + "."]
        if !status.postings.isEmpty {
            var table = TextTable(["party", "posted on", "recorded"])
            for posting in status.postings { table.add([posting.partyName, "\(posting.postedOn)", posting.recordedAt]) }
            lines.append(table.render())
        }
        lines.append(status.pendingParties.isEmpty ? "Up on every party's board." : "Not posted yet: \(status.pendingParties.joined(separator: ", ")).")
        if let last = status.appealLastDay {
            lines.append("Last day to appeal: \(last)" + (status.takeDownEarliest.map { "; the notice may come down on \($0)" } ?? "") + ".")
        } else if !status.pendingParties.isEmpty {
            lines.append("The time to appeal starts when every party has posted it.")
        }
        lines += status.warnings.map { "Warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// `deadlines`.
    static func deadlines(_ deadlines: [Deadline]) -> String {
        guard !deadlines.isEmpty else { return "Nothing coming due." }
        var table = TextTable(["due", "committee", "meeting", "what", ""])
        for deadline in deadlines {
            table.add(["\(deadline.due)", deadline.committee, "\(deadline.meeting)", deadline.description, deadline.overdue ? "OVERDUE" : ""])
        }
        return table.render()
    }
}
