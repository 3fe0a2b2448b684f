import DocumentsAPI
import KansliProtocol

/// The rules of a protocol's details: justerare who attended, a secretary of the committee's
/// staff that day.
enum ProtocolRules {
    /// The most justerare a protocol has.
    static let maximumJusterare = 10

    /// Each justerare is a member who attended, named once.
    static func checkJusterare(_ persons: [String], attendance: Attendance) throws {
        guard persons.count <= maximumJusterare else {
            throw ServiceError.validation("a protocol has at most \(maximumJusterare) justerare, not \(persons.count)", field: "justerare")
        }
        var seen = Set<String>()
        for (index, person) in persons.enumerated() {
            let field = "justerare[\(index)]"
            try TextRules.person(person, field: field)
            guard let member = attendance.member(person) else {
                throw ServiceError.notFound("\(ServiceError.quote(person)) is not a member of the committee on the meeting's day", field: field)
            }
            guard member.attends else {
                throw ServiceError.validation("\(member.displayName) did not attend and cannot be justerare", field: field)
            }
            guard seen.insert(person).inserted else {
                throw ServiceError.validation("\(member.displayName) is named justerare twice", field: field)
            }
        }
    }

    /// The details `request` sets, with the secretary resolved from the staff that day.
    static func details(_ request: ProtocolSet, attendance: Attendance) throws -> ProtocolDetails {
        try checkJusterare(request.justerare, attendance: attendance)
        try TextRules.optionalText(request.justeringPlace, field: "justeringPlace")
        try TextRules.optionalText(request.storage, field: "storage")
        let secretaries = attendance.staff.filter { $0.role == "secretary" }
        let secretary: StaffMember
        if let named = request.secretary {
            try TextRules.person(named, field: "secretary")
            guard let found = attendance.staff.first(where: { $0.person == named }) else {
                throw ServiceError.validation("\(ServiceError.quote(named)) is not on the committee's staff on the meeting's day", field: "secretary")
            }
            secretary = found
        } else if let only = secretaries.first, secretaries.count == 1 {
            secretary = only
        } else {
            throw ServiceError.validation(secretaries.isEmpty ? "the committee has no secretary on the meeting's day: name the secretary (staff)"
                                              : "the committee has \(secretaries.count) secretaries that day: name the one who kept the minutes",
                                          field: "secretary")
        }
        return ProtocolDetails(justerare: request.justerare, justeringPlace: request.justeringPlace,
                               justeringDeadline: request.justeringDeadline, secretary: secretary.person,
                               secretaryName: secretary.name, storage: request.storage)
    }
}
