import DocumentsAPI
import RegistryAPI

/// The notice of a meeting (kallelse) as `DocumentNode`s, laid out like seed 001: time and place,
/// the chair, ledamöter, ersättare and others (the registry's composition on the day), then the
/// agenda with times, speakers, case numbers, descriptions and proposed decisions. A confidential
/// item shows only its title and ground.
enum KallelseRenderer {
    static func title(_ meeting: Meeting) -> String { "Kallelse \(meeting.committeeName) \(meeting.date)" }

    static func nodes(_ meeting: Meeting, composition: Composition) -> [DocumentNode] {
        let content = meeting.content
        let partyNames = Dictionary(composition.parties.map { ($0.party, $0.name) }, uniquingKeysWith: { first, _ in first })
        func row(_ member: CompositionMember) -> [DocumentCell] {
            let roles = SwedishText.roles(member.roles.map(\.rawValue))
            return [DocumentCell("\(member.name) (\(member.politicalParty))"),
                    DocumentCell((partyNames[member.party] ?? member.party) + (roles.isEmpty ? "" : ", \(roles)"))]
        }
        var nodes: [DocumentNode] = [
            .heading(1, "Kallelse", id: nil),
            .text("\(meeting.committeeName) kallas till sammanträde."),
            .table(DocumentTable(caption: "Sammanträdet", columns: [], rows: [
                ["Datum", DocumentCell(meeting.date.description)],
                ["Tid", DocumentCell(SwedishText.clock(content.startTime, content.endTime))],
                ["Plats", DocumentCell(content.place)],
            ], rowHeaders: true)),
            .heading(2, "Ordförande", id: nil),
            .text(composition.chair.map { "\($0.name) (\($0.politicalParty))" } ?? "–"),
            .heading(2, "Ledamöter", id: nil),
            .table(DocumentTable(caption: "Ledamöter", columns: ["Namn", "Part"], rows: composition.ledamoter.map(row))),
            .heading(2, "Ersättare", id: nil),
            .table(DocumentTable(caption: "Ersättare", columns: ["Namn", "Part"], rows: composition.ersattare.map(row))),
            .heading(2, "Övriga", id: nil),
            composition.staff.isEmpty ? .text("Inga.") : .table(DocumentTable(
                caption: "Övriga", columns: ["Namn", "Titel"],
                rows: composition.staff.map { [DocumentCell($0.name), DocumentCell([$0.title, $0.organisation].compactMap { $0 }.joined(separator: ", "))] })),
            .heading(2, "Föredragningslista", id: "foredragningslista"),
        ]
        for (index, item) in content.agenda.enumerated() {
            var itemNodes: [DocumentNode] = [.heading(3, "\(index + 1). \(item.title)", id: nil)]
            var facts: [[DocumentCell]] = []
            if let caseNumber = item.caseNumber { facts.append(["Ärendenr", DocumentCell(caseNumber)]) }
            if let speaker = item.speaker { facts.append(["Föredragande", DocumentCell(speaker)]) }
            if let time = item.time { facts.append(["Tid", DocumentCell(time)]) }
            if !facts.isEmpty {
                itemNodes.append(.table(DocumentTable(caption: "Punkt \(index + 1)", columns: [], rows: facts, rowHeaders: true)))
            }
            if let confidential = item.confidential {
                itemNodes.append(.text("Ärendet omfattas av sekretess enligt \(confidential.ground). Handlingarna lämnas inte ut med kallelsen."))
            } else {
                func part(_ title: String, _ text: String?) {
                    guard let text else { return }
                    itemNodes.append(.heading(4, title, id: nil))
                    itemNodes += TextBlocks.nodes(text)
                }
                part("Ärendebeskrivning", item.description)
                part("Förslag till beslut", item.proposedDecision)
                if !item.distribution.isEmpty {
                    itemNodes.append(.heading(4, "Expedieras till", id: nil))
                    itemNodes.append(.list(item.distribution))
                }
                if !item.documents.isEmpty {
                    itemNodes.append(.heading(4, "Beslutsunderlag", id: nil))
                    itemNodes.append(.list(item.documents))
                }
            }
            nodes += itemNodes
        }
        return nodes
    }
}
