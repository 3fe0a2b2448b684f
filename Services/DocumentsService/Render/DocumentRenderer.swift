import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import RegistryAPI

/// Renders a meeting's documents: the protocol, its confidential annex, the kallelse and the
/// extract of one paragraph, as HTML or plain text. Pure and deterministic: the same meeting
/// content and `version` give the same bytes (no clock, no freeze time, no random order), which
/// is what the signing issue signs.
enum DocumentRenderer {
    /// The renderer's version: bumped whenever the same content would render differently.
    static let version = 1

    static func render(_ kind: DocumentKind, format: RenderFormat, meeting: Meeting, paragraph: Int?,
                       composition: Composition?) throws -> RenderedDocument {
        let base = "\(meeting.committee)-\(meeting.date)"
        let title: String, nodes: [DocumentNode], data: RenderData, name: String
        switch kind {
        case .protocol:
            guard meeting.content.attendance != nil else {
                throw ServiceError.conflict("the protocol of \(MeetingStore.name(MeetingRef(committee: meeting.committee, date: meeting.date))) needs its attendance first", field: "meeting")
            }
            title = ProtocolRenderer.title(meeting)
            nodes = ProtocolRenderer.protocolNodes(meeting)
            data = publicData(meeting, format: "kansli-protocol", paragraphs: meeting.content.paragraphs)
            name = "\(base)-protokoll-r\(meeting.revision)"
        case .annex:
            let secret = meeting.content.paragraphs.filter { $0.content.confidential != nil }
            guard !secret.isEmpty else {
                throw ServiceError.notFound("the protocol of \(meeting.committee) \(meeting.date) has no confidential paragraph, so no annex", field: "document")
            }
            title = "Sekretessbelagd bilaga, \(ProtocolRenderer.title(meeting))"
            nodes = ProtocolRenderer.annexNodes(meeting)
            data = RenderData(format: "kansli-protocol-annex", renderer: version, committee: meeting.committee,
                              committeeName: meeting.committeeName, date: meeting.date, revision: meeting.revision,
                              startTime: meeting.content.startTime, endTime: meeting.content.endTime, place: meeting.content.place,
                              protocol: nil, signers: [], attendance: nil, paragraphs: secret, confidentialParagraphs: [], agenda: [])
            name = "\(base)-sekretessbilaga-r\(meeting.revision)"
        case .extract:
            guard let number = paragraph else {
                throw ServiceError.validation("an extract is of one paragraph: give its number", field: "paragraph")
            }
            guard let found = meeting.content.paragraphs.first(where: { $0.number == number }) else {
                throw ServiceError.notFound("the meeting of \(meeting.committee) \(meeting.date) has no § \(number)", field: "paragraph")
            }
            title = "Utdrag § \(number), \(ProtocolRenderer.title(meeting))"
            nodes = ProtocolRenderer.extractNodes(meeting, paragraph: found)
            data = publicData(meeting, format: "kansli-extract", paragraphs: [found])
            name = "\(base)-utdrag-p\(number)-r\(meeting.revision)"
        case .kallelse:
            guard let composition else { throw ServiceError(.internal, "the kallelse was rendered without the registry's composition") }
            title = KallelseRenderer.title(meeting)
            nodes = KallelseRenderer.nodes(meeting, composition: composition)
            var kallelse = publicData(meeting, format: "kansli-kallelse", paragraphs: [])
            kallelse.attendance = nil
            kallelse.protocol = nil
            kallelse.signers = []
            kallelse.agenda = meeting.content.agenda.map { item in
                guard let confidential = item.confidential else { return item }
                return AgendaItem(title: item.title, confidential: confidential)
            }
            data = kallelse
            name = "\(base)-kallelse"
        }
        let text: String
        switch format {
        case .html:
            text = HTMLWriter.document(title: title, nodes: nodes, data: try JSONWriter(layout: .compact).encode(data))
        case .text:
            text = TextWriter.document(nodes: nodes)
        }
        return RenderedDocument(document: kind, format: format, fileName: name + (format == .html ? ".html" : ".txt"),
                                revision: meeting.revision, renderer: version, text: text,
                                sha256: Hex.encode(SHA256.hash(Array(text.utf8)), uppercase: true))
    }

    /// The public data block: a confidential paragraph only as number, title and ground.
    static func publicData(_ meeting: Meeting, format: String, paragraphs: [Paragraph]) -> RenderData {
        let open = paragraphs.filter { $0.content.confidential == nil }
        let stubs = paragraphs.compactMap { paragraph in
            paragraph.content.confidential.map { ConfidentialStub(number: paragraph.number, title: paragraph.content.title, ground: $0.ground) }
        }
        let signers = meeting.content.protocol.map {
            SignerRules.requiredSigners(paragraphs: meeting.content.paragraphs, details: $0, attendance: meeting.content.attendance)
        } ?? []
        return RenderData(format: format, renderer: version, committee: meeting.committee, committeeName: meeting.committeeName,
                          date: meeting.date, revision: meeting.revision, startTime: meeting.content.startTime,
                          endTime: meeting.content.endTime, place: meeting.content.place, protocol: meeting.content.protocol,
                          signers: signers, attendance: meeting.content.attendance, paragraphs: open,
                          confidentialParagraphs: stubs, agenda: [])
    }
}
