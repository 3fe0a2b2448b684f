import DocumentsAPI
import Foundation
import KansliProtocol

/// A meeting file: one meeting of a committee as a secretary writes it, read by
/// `kansli documents import` (docs/meeting-file-format.md describes it). Its parts are the
/// documents service's own request types, so a field means here what it means in
/// docs/PROTOCOL.md; only `sequence` and the derived agenda are the file's own.
public struct MeetingFile: Codable, Equatable {
    /// The format's version: 1.
    var formatVersion: Int
    var committee: String
    var date: CalendarDate
    var startTime: String
    var endTime: String?
    var place: String
    /// Where the committee's yearly sequences stand before this meeting: set only when the
    /// meeting is created (a year's paragraph numbers are set once, before its first paragraph).
    var sequence: FileSequence?
    /// The agenda (föredragningslista); when left out, one item per paragraph, from its title,
    /// case number, documents, distribution and secrecy.
    var agenda: [FileAgendaItem]?
    /// Who attended, over the registry's composition on the meeting's day.
    var attendance: FileAttendance?
    /// The paragraphs in order; the first takes the year's next number.
    var paragraphs: [FileParagraph]
    /// The protocol's justerare, justering and secretary.
    var `protocol`: FileProtocol?

    /// `{"nextParagraph": 8, "nextCaseSerial": 18}`: the meeting's year.
    struct FileSequence: Codable, Equatable {
        var nextParagraph: Int
        var nextCaseSerial: Int
    }

    /// `AttendanceSet` without the meeting.
    struct FileAttendance: Codable, Equatable {
        var absent: [String]?
        var substitutions: [Substitution]?
        var presentSubstitutes: [String]?
        var changes: [PresenceChange]?
        var others: [OtherAttendee]?
    }

    /// `ProtocolSet` without the meeting.
    struct FileProtocol: Codable, Equatable {
        var justerare: [String]?
        var justeringPlace: String?
        var justeringDeadline: CalendarDate?
        var secretary: String?
        var storage: String?
    }

    /// The largest meeting file read: a meeting of 500 paragraphs with long texts is well under.
    static let maximumBytes = 8 * 1024 * 1024

    /// Decodes a file's JSON; a version other than 1 is refused by name.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(MeetingFile.self, from: jsonData)
        guard formatVersion == 1 else {
            throw LocalFailure(.dataError, "formatVersion \(formatVersion) is not one this kansli reads (1)", field: "file.formatVersion")
        }
    }

    /// The meeting the file describes.
    var ref: MeetingRef { MeetingRef(committee: committee, date: date) }

    /// The agenda as given, or derived from the paragraphs.
    var agendaItems: [AgendaItem] {
        agenda?.map(\.item) ?? paragraphs.map {
            AgendaItem(title: $0.title, caseNumber: $0.caseNumber, documents: $0.documents ?? [], distribution: $0.distribution ?? [],
                       confidential: $0.confidential)
        }
    }

    /// The paragraphs' contents, in order.
    var contents: [ParagraphContent] { paragraphs.map(\.content) }

    var create: MeetingCreate {
        MeetingCreate(committee: committee, date: date, startTime: startTime, endTime: endTime, place: place, agenda: agendaItems)
    }

    var update: MeetingUpdate {
        MeetingUpdate(meeting: ref, startTime: startTime, endTime: endTime, place: place, agenda: agendaItems)
    }

    var attendanceSet: AttendanceSet? {
        attendance.map {
            AttendanceSet(meeting: ref, absent: $0.absent ?? [], substitutions: $0.substitutions ?? [],
                          presentSubstitutes: $0.presentSubstitutes ?? [], changes: $0.changes ?? [], others: $0.others ?? [])
        }
    }

    var protocolSet: ProtocolSet? {
        self.protocol.map {
            ProtocolSet(meeting: ref, justerare: $0.justerare ?? [], justeringPlace: $0.justeringPlace,
                        justeringDeadline: $0.justeringDeadline, secretary: $0.secretary, storage: $0.storage)
        }
    }
}
