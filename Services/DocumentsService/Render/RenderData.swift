import DocumentsAPI
import KansliProtocol

/// The structured content a rendered file carries in its data block (`kansli-data`): exactly
/// what the file shows, so a program reads what a person reads. The public protocol's block
/// holds only the number, title and ground of a confidential paragraph; the annex's block holds
/// its content.
struct RenderData: Encodable {
    /// `kansli-protocol`, `kansli-protocol-annex`, `kansli-extract` or `kansli-kallelse`.
    var format: String
    var renderer: Int
    var committee: String
    var committeeName: String
    var date: CalendarDate
    var revision: Int
    var startTime: String
    var endTime: String?
    var place: String
    var `protocol`: ProtocolDetails?
    var signers: [RequiredSigner]
    var attendance: Attendance?
    var paragraphs: [Paragraph]
    var confidentialParagraphs: [ConfidentialStub]
    var agenda: [AgendaItem]
}

/// A confidential paragraph or agenda item as a public document shows it.
struct ConfidentialStub: Encodable {
    var number: Int
    var title: String
    var ground: String
}
