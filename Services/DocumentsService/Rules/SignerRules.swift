import DocumentsAPI

/// Who must sign a protocol: the secretary, the chair of each paragraph and the justerare; a
/// person holding several of these roles signs once, for all of them. In the order the seed's
/// signatures came: secretary, chairs by their first paragraph, justerare.
enum SignerRules {
    static func requiredSigners(paragraphs: [Paragraph], details: ProtocolDetails, attendance: Attendance?) -> [RequiredSigner] {
        var signers: [RequiredSigner] = []
        func add(_ person: String, _ name: String, _ role: SignerRole, paragraph: Int? = nil) {
            if let index = signers.firstIndex(where: { $0.person == person }) {
                if !signers[index].roles.contains(role) { signers[index].roles.append(role) }
                if let paragraph { signers[index].paragraphs.append(paragraph) }
            } else {
                signers.append(RequiredSigner(person: person, name: name, roles: [role], paragraphs: paragraph.map { [$0] } ?? []))
            }
        }
        add(details.secretary, details.secretaryName, .secretary)
        for paragraph in paragraphs.sorted(by: { $0.number < $1.number }) {
            add(paragraph.chair, attendance?.member(paragraph.chair)?.name ?? paragraph.chairName, .chair, paragraph: paragraph.number)
        }
        for person in details.justerare {
            add(person, attendance?.member(person)?.name ?? person, .justerare)
        }
        return signers
    }
}
