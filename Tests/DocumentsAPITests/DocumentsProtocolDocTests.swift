import DocumentsAPI
import Foundation
import KansliCoding
import KansliPlatform
import KansliProtocol
import KansliTestSupport
import Testing

/// Keeps the documents parts of docs/PROTOCOL.md §6 true to the code, as finance's tests keep
/// finance's: the documents method table is `DocumentsMethods.all` with its message types, and
/// 6.6 has one entry per documents type, in alphabetical order, whose field tables name exactly
/// the fields the encoder writes, in its order, with the value types and presence the decoder has.
@Suite("Protocol spec, documents methods and types")
struct DocumentsProtocolDocTests {
    typealias Spec = ProtocolSpec
    typealias Wire = ProtocolWire

    @Test("the documents method table lists exactly DocumentsMethods: ids, names, access, roles, message types")
    func methodTable() throws {
        let documented = Spec.tableRows(in: try Spec.section("documents-method-table")).filter { $0.count == 7 }
            .map { "\($0[0]) \($0[1]) \($0[2]) \($0[3]) \($0[4]) \($0[5])" }
        #expect(documented == Self.methods)
        #expect(Self.methods.count == DocumentsMethods.all.count, "the test's list covers DocumentsMethods.all")
        #expect(DocumentsMethods.all.allSatisfy { MethodRange.documents.contains($0.id) })
        #expect(Set(DocumentsMethods.all.map(\.id)).count == DocumentsMethods.all.count, "no id twice")
        #expect(DocumentsMethods.all.map(\.id) == DocumentsMethods.all.map(\.id).sorted(), "in id order")
    }

    static let methods: [String] = [
        row(DocumentsMethods.meetingCreate), row(DocumentsMethods.meetingUpdate), row(DocumentsMethods.meetingGet),
        row(DocumentsMethods.meetingList), row(DocumentsMethods.attendanceSet), row(DocumentsMethods.paragraphAdd),
        row(DocumentsMethods.paragraphUpdate), row(DocumentsMethods.paragraphRemove), row(DocumentsMethods.paragraphGet),
        row(DocumentsMethods.protocolSet), row(DocumentsMethods.protocolFreeze), row(DocumentsMethods.protocolRevise),
        row(DocumentsMethods.protocolSigners), row(DocumentsMethods.render), row(DocumentsMethods.sequenceSet),
        row(DocumentsMethods.sequenceGet), row(DocumentsMethods.caseNumberAllocate), row(DocumentsMethods.noticePost),
        row(DocumentsMethods.noticeCheck), row(DocumentsMethods.noticeStatus), row(DocumentsMethods.deadlines),
        row(DocumentsMethods.dispatchRecord), row(DocumentsMethods.signingDraft), row(DocumentsMethods.signingSign),
        row(DocumentsMethods.signingVerify), row(DocumentsMethods.signingExport), row(DocumentsMethods.logGet),
        row(DocumentsMethods.paragraphJustering), row(DocumentsMethods.signingRendering),
    ]

    static func row<Request, Response>(_ method: KansliProtocol.Method<Request, Response>) -> String {
        let digits = String(method.id, radix: 16, uppercase: true)
        return "0x\(String(repeating: "0", count: 4 - digits.count))\(digits) \(method.name) \(method.access.rawValue) "
            + "\(method.roles) \(typeName(Request.self)) \(typeName(Response.self))"
    }

    static func typeName<T>(_ type: T.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array<"), name.hasSuffix(">") { return "[" + name.dropFirst(6).dropLast() + "]" }
        return name
    }

    static func entries() throws -> [String: ProtocolSpec.TypeEntry] {
        Dictionary(try Spec.typeEntries(inSection: "documents-types").map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("6.6 has one entry per documents type, in alphabetical order")
    func entryNames() throws {
        let names = try Spec.typeEntries(inSection: "documents-types").map(\.name)
        #expect(names == names.sorted())
        let expected = try Samples.all().map(\.name) + Samples.enumerations.map(\.name)
        for name in Set(names).symmetricDifference(expected).sorted() {
            Issue.record("type \(name) is in only one of the spec and the test's samples")
        }
    }

    @Test("every documents type's table lists exactly the fields Kansli writes, in its order, with their value types and presence")
    func fields() throws {
        let entries = try Self.entries()
        let enumerations = Set(Samples.enumerations.map(\.name))
        for sample in try Samples.all() {
            let entry = try #require(entries[sample.name], "\(sample.name)")
            let written = try Wire.mapEntries(sample.encoded)
            #expect(entry.fields.map(\.name) == written.map(\.key), "\(sample.name)")
            for (field, value) in zip(entry.fields, written.map(\.value)) {
                if let problem = try Wire.mismatch(value, documentedAs: field.valueType, enumerations: enumerations) {
                    Issue.record("\(sample.name).\(field.name): \(problem)")
                }
                let without = Wire.map(written.filter { $0.key != field.name })
                if field.presence == "required" {
                    #expect(throws: (any Error).self, "\(sample.name).\(field.name) must be required") { try sample.roundTrip(without) }
                } else {
                    #expect(throws: Never.self, "\(sample.name).\(field.name) may be left out") { try sample.roundTrip(without) }
                }
            }
        }
    }

    @Test("every documents enumeration lists exactly its wire values")
    func enumerationValues() throws {
        let entries = try Self.entries()
        for enumeration in Samples.enumerations {
            #expect(entries[enumeration.name]?.rows.map { Spec.unquote($0[0]) } == enumeration.values, "\(enumeration.name)")
        }
    }

    struct Sample {
        let name: String
        let encoded: [UInt8]
        let roundTrip: ([UInt8]) throws -> [UInt8]

        init<T: Codable>(_ value: T) throws {
            name = String(describing: T.self)
            encoded = try BinaryEncoder().encode(value)
            roundTrip = { try BinaryEncoder().encode(try BinaryDecoder().decode(T.self, from: $0)) }
        }
    }

    /// One value of every documents type with every optional field set and every list non-empty.
    enum Samples {
        static let enumerations: [(name: String, values: [String])] = [
            values(BallotChoice.self), values(DeadlineKind.self), values(DecisionMethod.self), values(DocumentKind.self),
            values(MemberKind.self), values(PresenceChangeKind.self), values(RenderFormat.self), values(SignedKind.self),
            values(SignerRole.self), values(VoteKind.self),
        ]

        static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> (name: String, values: [String]) where E.RawValue == String {
            (String(describing: type), E.allCases.map(\.rawValue))
        }

        static func all() throws -> [Sample] {
            let day = try #require(CalendarDate("2022-06-22"))
            let ref = MeetingRef(committee: "NBE", date: day)
            let secret = Confidentiality(ground: "OSL 39 kap. 3 §")
            let item = AgendaItem(title: "Budget 2023", caseNumber: "2022/13-2.2.0.1", speaker: "Robert Karlsson", time: "13:30",
                                  description: "d", proposedDecision: "p", documents: ["Budget 2023"], distribution: ["Luleå kommun"],
                                  confidential: secret)
            let span = ServiceSpan(replaces: "lena-goldkuhl", replacesName: "Lena Goldkuhl (S)", from: 8, through: 16)
            let attendee = Attendee(person: "johan-johansson", name: "Johan Johansson", party: "boden", partyName: "Bodens kommun",
                                    politicalParty: "MP", kind: .ersattare, roles: ["chair"], attends: true, from: 8, through: 16,
                                    recusals: [9], serving: [span])
            let other = OtherAttendee(name: "Lisa Lundgren", title: "Evado")
            let party = AttendanceParty(code: "lulea", name: "Luleå kommun", isHost: true)
            let staff = StaffMember(person: "robert-karlsson", name: "Robert Karlsson", role: "secretary", title: "nämndsekreterare")
            let attendance = Attendance(compositionDate: day, seats: 14, parties: [party], members: [attendee], others: [other], staff: [staff])
            let vote = Vote(kind: .open, ballots: [Ballot(person: "isak-utsi", choice: .ja)], yes: 1, no: 0, abstain: 0)
            let content = ParagraphContent(
                title: "Budget 2023", caseNumber: "2022/13-2.2.0.1", decision: "d", summary: "s", proceedings: "p",
                motions: [Motion(person: "maud-lundback", text: "t")], decisionMethod: .vote, decisionProcess: "b", vote: vote,
                reservations: [Reservation(person: "isak-utsi", reason: "r")], immediateJustering: true, documents: ["x"],
                distribution: ["y"], chair: "isak-utsi", confidential: secret)
            let quorum = Quorum(serving: 9, seats: 14, needed: 8)
            let paragraph = Paragraph(number: 12, content: content, chair: "isak-utsi", chairName: "Isak Utsi (S)", quorum: quorum)
            let details = ProtocolDetails(justerare: ["jonas-lindberg"], justeringPlace: "digitalt", justeringDeadline: day,
                                          secretary: "robert-karlsson", secretaryName: "Robert Karlsson", storage: "digitalt")
            let meetingContent = MeetingContent(startTime: "13:00", endTime: "14:40", place: "Teams", agenda: [item],
                                                attendance: attendance, paragraphs: [paragraph], protocol: details)
            let posting = NoticePosting(party: "lulea", partyName: "Luleå kommun", postedOn: day, recordedAt: "2022-07-08T10:00:00.000000Z")
            let dispatch = Dispatch(paragraph: 12, recipients: ["Luleå kommun"], sentOn: day, channel: "e-post", recordedAt: "2022-07-08T10:00:00.000000Z")
            let meeting = Meeting(committee: "NBE", committeeName: "Norrbottens e-nämnd", committeeShortName: "E-nämnden", date: day,
                                  revision: 1, frozen: true, frozenAt: "2022-06-28T12:00:00.000000Z", content: meetingContent,
                                  justeratOn: day, notices: [posting], dispatches: [dispatch])
            let notice = NoticePost(meeting: ref, party: "lulea", postedOn: day, justeratOn: day)
            return [
                try Sample(item), try Sample(attendance), try Sample(party), try Sample(AttendanceSet(
                    meeting: ref, absent: ["lena-goldkuhl"], substitutions: [Substitution(substitute: "johan-johansson", replaces: "lena-goldkuhl", from: 8, through: 9)],
                    presentSubstitutes: ["anne-jakobsson"], changes: [PresenceChange(person: "carina-sammeli", kind: .arrives, paragraph: 15)],
                    others: [other])),
                try Sample(attendee), try Sample(Ballot(person: "isak-utsi", choice: .nej)),
                try Sample(CaseNumberAllocate(committee: "NBE", year: 2022, classification: "2.2.0.1")),
                try Sample(CaseNumberAllocation(committee: "NBE", year: 2022, serial: 18, caseNumber: "2022/18-2.2.0.1")),
                try Sample(secret),
                try Sample(Deadline(committee: "NBE", meeting: day, kind: .appeal, due: day, description: "d", overdue: false)),
                try Sample(DeadlinesRequest(committee: "NBE", on: day)), try Sample(dispatch),
                try Sample(DispatchRecord(meeting: ref, paragraph: 12, recipients: ["x"], sentOn: day, channel: "e-post")),
                try Sample(meeting), try Sample(meetingContent),
                try Sample(MeetingCreate(committee: "NBE", date: day, startTime: "13:00", endTime: "14:40", place: "Teams", agenda: [item])),
                try Sample(MeetingListRequest(committee: "NBE", year: 2022)), try Sample(ref),
                try Sample(MeetingSummary(committee: "NBE", date: day, startTime: "13:00", place: "Teams", agendaItems: 9, firstParagraph: 8,
                                          lastParagraph: 16, revision: 1, frozen: false, justeratOn: day)),
                try Sample(MeetingUpdate(meeting: ref, startTime: "13:00", endTime: "14:40", place: "Teams", agenda: [item])),
                try Sample(Motion(person: "maud-lundback", text: "t")), try Sample(notice), try Sample(posting),
                try Sample(NoticeStatus(meeting: ref, justeratOn: day, justeringDeadline: day, postings: [posting], pendingParties: ["kiruna"],
                                        lastPosting: day, appealLastDay: day, takeDownEarliest: day, warnings: ["w"])),
                try Sample(other), try Sample(paragraph), try Sample(ParagraphAdd(meeting: ref, content: content)), try Sample(content),
                try Sample(ParagraphRef(meeting: ref, number: 12)), try Sample(ParagraphUpdate(meeting: ref, number: 12, content: content)),
                try Sample(PresenceChange(person: "carina-sammeli", kind: .recused, paragraph: 9)), try Sample(details),
                try Sample(ProtocolFreeze(meeting: ref, revision: 1)), try Sample(ProtocolRevise(meeting: ref, reason: "r")),
                try Sample(ProtocolSet(meeting: ref, justerare: ["jonas-lindberg"], justeringPlace: "digitalt", justeringDeadline: day,
                                       secretary: "robert-karlsson", storage: "digitalt")),
                try Sample(quorum), try Sample(RenderRequest(meeting: ref, document: .extract, format: .html, paragraph: 12)),
                try Sample(RenderedDocument(document: .protocol, format: .html, fileName: "f", revision: 1, renderer: 1, text: "t", sha256: "00")),
                try Sample(RequiredSigner(person: "isak-utsi", name: "Isak Utsi", roles: [.chair], paragraphs: [8])),
                try Sample(Reservation(person: "isak-utsi", reason: "r")),
                try Sample(SequenceRef(committee: "NBE", year: 2022)),
                try Sample(SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18)),
                try Sample(span), try Sample(staff), try Sample(Substitution(substitute: "a", replaces: "b", from: 1, through: 2)),
                try Sample(vote), try Sample(YearSequence(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18)),
            ] + (try signingSamples(ref: ref, day: day))
        }

        static func signingSamples(ref: MeetingRef, day: CalendarDate) throws -> [Sample] {
            let target = SigningTarget(meeting: ref, kind: .utdrag, paragraph: 12)
            let time = Timestamp(microsecondsSince1970: 1_656_515_940_000_000)
            let record = SignatureRecord(person: "isak-utsi", name: "Isak Utsi", roles: [.chair], keyID: "isak-utsi-key",
                                         publicKey: String(repeating: "ab", count: 32), statement: "Kansli signature statement v1\n",
                                         signature: [UInt8](repeating: 1, count: 64), signedAt: time)
            let signer = RequiredSigner(person: "isak-utsi", name: "Isak Utsi", roles: [.chair], paragraphs: [8])
            let file = ExportedFile(name: "protokoll.html", bytes: [0x3C])
            let check = VerificationCheck(subject: "document hash", passed: true, detail: "d")
            return [
                try Sample(CommitteeLog(committee: "NBE", entries: ["e"], length: 1, head: "AB")),
                try Sample(ExportRequest(target: target, includeAnnex: true)), try Sample(file),
                try Sample(ExportedFolder(name: "f", files: [file])), try Sample(LogRequest(committee: "NBE", after: 1)),
                try Sample(ParagraphJustering(paragraph: ParagraphRef(meeting: ref, number: 12), title: "Budget 2023", caseNumber: "c",
                                              decision: "d", justeratOn: day, documentSHA256: "AB")),
                try Sample(record), try Sample(SignatureSubmit(statement: "s", signature: [1, 2])),
                try Sample(SigningDraft(target: target, revision: 1, frozen: true, document: "<html>", documentSHA256: "AB", annexSHA256: "CD",
                                        sourceSHA256: "EF", serviceTime: time, signers: [signer], signatures: [record])),
                try Sample(SigningStatus(target: target, revision: 1, documentSHA256: "AB", signatures: [record], pending: ["x"], justeratOn: day)),
                try Sample(target), try Sample(check),
                try Sample(VerificationReport(target: target, revision: 1, documentSHA256: "AB", checks: [check])),
            ]
        }
    }
}
