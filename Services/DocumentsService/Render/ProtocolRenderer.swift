import DocumentsAPI
import KansliProtocol

/// The protocol, its confidential annex and an extract of one paragraph as `DocumentNode`s, laid
/// out like seed 002: the header table, the table of contents with links, the närvarolista in
/// its groups, then the paragraphs.
enum ProtocolRenderer {
    /// The paragraph numbers of the meeting, in order.
    static func numbers(_ meeting: Meeting) -> [Int] { meeting.content.paragraphs.map(\.number) }

    static func title(_ meeting: Meeting) -> String { "Protokoll \(meeting.committeeName) \(meeting.date)" }

    /// The header table of a protocol or extract.
    static func header(_ meeting: Meeting, paragraphs: [Paragraph], caption: String) -> DocumentNode {
        let content = meeting.content
        var rows: [[DocumentCell]] = [
            ["Sammanträdesdatum", DocumentCell(meeting.date.description)],
            ["Plats och tid", DocumentCell("\(content.place), \(SwedishText.clock(content.startTime, content.endTime))")],
            ["Beslutande", "Enligt närvarolista"],
        ]
        let details = content.protocol
        let justerare = details?.justerare.map { name(of: $0, in: meeting) }.joined(separator: ", ")
        rows.append(["Justerare", DocumentCell(justerare ?? "–")])
        var justering = details?.justeringPlace ?? ""
        if let deadline = details?.justeringDeadline { justering += (justering.isEmpty ? "Senast " : " senast ") + deadline.description }
        rows.append(["Tid och plats för justering", DocumentCell(justering.isEmpty ? "–" : justering)])
        rows.append(["Justerade paragrafer", DocumentCell(paragraphs.isEmpty ? "–" : SwedishText.ranges(paragraphs.map(\.number)))])
        rows.append(["Sekreterare", DocumentCell(details?.secretaryName ?? "–")])
        rows.append(["Ordförande", DocumentCell(chairs(paragraphs))])
        rows.append(["Protokollets revision", DocumentCell(String(meeting.revision))])
        return .table(DocumentTable(caption: caption, columns: [], rows: rows, rowHeaders: true))
    }

    /// `Isak Utsi (S) § 8-14`, `Carina Sammeli (S) § 15-16`, one per line; one name when one chaired all.
    static func chairs(_ paragraphs: [Paragraph]) -> String {
        var order: [String] = []
        var byChair: [String: (name: String, numbers: [Int])] = [:]
        for paragraph in paragraphs {
            if byChair[paragraph.chair] == nil { order.append(paragraph.chair) }
            byChair[paragraph.chair, default: (paragraph.chairName, [])].numbers.append(paragraph.number)
        }
        guard !order.isEmpty else { return "–" }
        if order.count == 1, let only = byChair[order[0]] { return only.name }
        return order.compactMap { byChair[$0] }.map { "\($0.name) \(SwedishText.paragraphs($0.numbers))" }.joined(separator: "\n")
    }

    /// A member's name with political party, or the id when the attendance does not know them.
    static func name(of person: String, in meeting: Meeting) -> String {
        meeting.content.attendance?.member(person)?.displayName ?? person
    }

    /// The närvarolista: the six groups of seed 002.
    static func attendanceNodes(_ meeting: Meeting) -> [DocumentNode] {
        guard let attendance = meeting.content.attendance else {
            return [.heading(2, "Närvarolista", id: "narvarolista"), .text("Närvaron är inte registrerad.")]
        }
        let numbers = numbers(meeting)
        func note(_ member: Attendee) -> String {
            var parts: [String] = []
            if !numbers.isEmpty {
                let present = numbers.filter { member.kind == .ledamot ? member.serves(at: $0) : member.isPresent(at: $0) }
                if present.count != numbers.count, !present.isEmpty { parts.append(SwedishText.paragraphs(present)) }
            } else if member.from != nil || member.through != nil {
                parts.append("§ \(member.from.map(String.init) ?? "")-\(member.through.map(String.init) ?? "")")
            }
            if !member.recusals.isEmpty { parts.append("jäv \(SwedishText.paragraphs(member.recusals))") }
            return parts.joined(separator: ", ")
        }
        func party(_ member: Attendee) -> String {
            let roles = SwedishText.roles(member.roles)
            return roles.isEmpty ? member.partyName : "\(member.partyName) (\(roles))"
        }
        let ledamoter = attendance.members.filter { $0.kind == .ledamot }
        let ersattare = attendance.members.filter { $0.kind == .ersattare }
        func group(_ title: String, _ columns: [String], _ rows: [[DocumentCell]]) -> [DocumentNode] {
            [.heading(3, title, id: nil),
             rows.isEmpty ? .text("Inga.") : .table(DocumentTable(caption: title, columns: columns, rows: rows))]
        }
        let memberColumns = ["Namn", "Part", "Anmärkning"]
        var nodes: [DocumentNode] = [.heading(2, "Närvarolista", id: "narvarolista")]
        nodes += group("Tjänstgörande ledamöter", memberColumns,
                       ledamoter.filter(\.attends).map { [DocumentCell($0.displayName), DocumentCell(party($0)), DocumentCell(note($0))] })
        nodes += group("Frånvarande ledamöter", ["Namn", "Part"],
                       ledamoter.filter { !$0.attends }.map { [DocumentCell($0.displayName), DocumentCell(party($0))] })
        nodes += group("Tjänstgörande ersättare", ["Namn", "Part", "Tjänstgör istället för"],
                       ersattare.filter { !$0.serving.isEmpty }.map { member in
                           let spans = member.serving.map { span -> String in
                               let served = numbers.filter { span.covers($0) && member.isPresent(at: $0) }
                               let partial = !numbers.isEmpty && served.count != numbers.count && !served.isEmpty
                               return "Tjänstgör istället för \(span.replacesName)" + (partial ? " \(SwedishText.paragraphs(served))" : "")
                           }
                           return [DocumentCell(member.displayName), DocumentCell(party(member)), DocumentCell(spans.joined(separator: "\n"))]
                       })
        nodes += group("Närvarande ersättare", memberColumns,
                       ersattare.filter { $0.attends && $0.serving.isEmpty }.map { [DocumentCell($0.displayName), DocumentCell(party($0)), DocumentCell(note($0))] })
        nodes += group("Frånvarande ersättare", ["Namn", "Part"],
                       ersattare.filter { !$0.attends }.map { [DocumentCell($0.displayName), DocumentCell(party($0))] })
        nodes += group("Övriga", ["Namn", "Titel"], attendance.others.map { [DocumentCell($0.name), DocumentCell($0.title)] })
        return nodes
    }

    /// A paragraph's section; a confidential one shows in public only its number, title and ground.
    static func paragraphNodes(_ paragraph: Paragraph, meeting: Meeting, public isPublic: Bool) -> DocumentNode {
        let content = paragraph.content
        let heading = DocumentNode.heading(2, "§ \(paragraph.number) \(content.title)", id: nil)
        var nodes: [DocumentNode] = [heading]
        if isPublic, let confidential = content.confidential {
            nodes.append(.text("Paragrafen omfattas av sekretess enligt \(confidential.ground). Innehållet redovisas i en sekretessbelagd bilaga till protokollet."))
            return .section(id: "p\(paragraph.number)", nodes)
        }
        if let ground = content.confidential?.ground { nodes.append(.text("Sekretess enligt \(ground).")) }
        if let caseNumber = content.caseNumber { nodes.append(.text("Ärendenr \(caseNumber)")) }
        nodes.append(.heading(3, "\(SwedishText.genitive(meeting.committeeShortName)) beslut", id: nil))
        nodes += TextBlocks.nodes(content.decision)
        if content.immediateJustering { nodes.append(.text("Paragrafen förklaras omedelbart justerad.")) }
        func section(_ title: String, _ text: String?) {
            guard let text else { return }
            nodes.append(.heading(3, title, id: nil))
            nodes += TextBlocks.nodes(text)
        }
        section("Sammanfattning av ärendet", content.summary)
        section("Sammanträdet", content.proceedings)
        if !content.motions.isEmpty {
            nodes.append(.heading(3, "Yrkanden", id: nil))
            nodes.append(.list(content.motions.map { "\(name(of: $0.person, in: meeting)): \($0.text)" }))
        }
        let process = content.decisionProcess ?? content.decisionMethod.map {
            $0 == .proposition ? "Ordföranden ställer förslaget under proposition och finner att nämnden bifaller det."
                : "Nämnden beslutar genom omröstning."
        }
        section("Beslutsgång", process)
        if let vote = content.vote {
            nodes.append(.heading(3, vote.kind == .secret ? "Sluten omröstning" : "Omröstning", id: nil))
            if vote.kind == .open {
                let words: [BallotChoice: String] = [.ja: "Ja", .nej: "Nej", .avstar: "Avstår"]
                nodes.append(.table(DocumentTable(caption: "Omröstning § \(paragraph.number)", columns: ["Ledamot", "Röst"],
                                                  rows: vote.ballots.map { [DocumentCell(name(of: $0.person, in: meeting)), DocumentCell(words[$0.choice] ?? "")] })))
            }
            nodes.append(.text("Ja \(vote.yes), nej \(vote.no), avstår \(vote.abstain)."))
        }
        if !content.reservations.isEmpty {
            nodes.append(.heading(3, "Reservationer", id: nil))
            nodes.append(.list(content.reservations.map {
                "\(name(of: $0.person, in: meeting)) reserverar sig mot beslutet" + ($0.reason.map { ": \($0)" } ?? ".")
            }))
        }
        if !content.documents.isEmpty {
            nodes.append(.heading(3, "Beslutsunderlag", id: nil))
            nodes.append(.list(content.documents))
        }
        if !content.distribution.isEmpty {
            nodes.append(.heading(3, "Beslutet skickas till", id: nil))
            nodes.append(.list(content.distribution))
        }
        return .section(id: "p\(paragraph.number)", nodes)
    }

    /// The public protocol.
    static func protocolNodes(_ meeting: Meeting) -> [DocumentNode] {
        let paragraphs = meeting.content.paragraphs
        var nodes: [DocumentNode] = [
            .heading(1, "Protokoll", id: nil),
            .text("\(meeting.committeeName), sammanträde \(meeting.date)"),
            header(meeting, paragraphs: paragraphs, caption: "Uppgifter om sammanträdet"),
            .heading(2, "Innehållsförteckning", id: "innehall"),
        ]
        let attendance = meeting.content.attendance
        nodes.append(.table(DocumentTable(
            caption: "Paragrafer", columns: ["Paragraf", "Ärende", "Beslutande"],
            rows: paragraphs.map { paragraph in
                [DocumentCell("§ \(paragraph.number)", link: "p\(paragraph.number)"), DocumentCell(paragraph.content.title),
                 DocumentCell("\(paragraph.quorum.serving) av \(attendance?.seats ?? paragraph.quorum.seats)")]
            })))
        nodes += attendanceNodes(meeting)
        nodes += paragraphs.map { paragraphNodes($0, meeting: meeting, public: true) }
        return nodes
    }

    /// The confidential annex: the content of the secret paragraphs.
    static func annexNodes(_ meeting: Meeting) -> [DocumentNode] {
        let secret = meeting.content.paragraphs.filter { $0.content.confidential != nil }
        var nodes: [DocumentNode] = [
            .heading(1, "Sekretessbelagd bilaga till protokoll", id: nil),
            .text("\(meeting.committeeName), sammanträde \(meeting.date), protokollets revision \(meeting.revision). Bilagan omfattas av sekretess och lämnas inte ut."),
            .table(DocumentTable(caption: "Paragrafer i bilagan", columns: ["Paragraf", "Ärende", "Sekretess"],
                                 rows: secret.map { [DocumentCell("§ \($0.number)", link: "p\($0.number)"), DocumentCell($0.content.title),
                                                     DocumentCell($0.content.confidential?.ground ?? "")] })),
        ]
        nodes += secret.map { paragraphNodes($0, meeting: meeting, public: false) }
        return nodes
    }

    /// An extract (utdrag) of one paragraph.
    static func extractNodes(_ meeting: Meeting, paragraph: Paragraph) -> [DocumentNode] {
        [
            .heading(1, "Utdrag ur protokoll", id: nil),
            .text("\(meeting.committeeName), sammanträde \(meeting.date)"),
            header(meeting, paragraphs: [paragraph], caption: "Uppgifter om sammanträdet"),
            paragraphNodes(paragraph, meeting: meeting, public: true),
            .text("Utdragsbestyrkande läggs till när protokollet är justerat."),
        ]
    }
}
