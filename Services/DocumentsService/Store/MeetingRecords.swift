import DocumentsAPI
import KansliProtocol

/// What is recorded about a meeting beside its protocol content, stored apart from it so that a
/// notice or a dispatch never touches a frozen revision's content.
struct MeetingRecords: Codable, Sendable, Equatable {
    var justeratOn: CalendarDate?
    var notices: [NoticePosting]
    var dispatches: [Dispatch]
}
