import DocumentsAPI
import KansliProtocol
import Testing
@testable import DocumentsService

@Suite("Attendance, quorum and paragraph rules")
struct AttendanceRulesTests {
    static func hostsWithMeeting() throws -> DocumentsTestHosts {
        let hosts = try DocumentsTestHosts()
        try hosts.call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18))
        try hosts.call(DocumentsMethods.meetingCreate, SeedMeeting.create)
        return hosts
    }

    static func message(_ body: () throws -> Void) -> ServiceError? {
        do { try body() } catch let error as ServiceError { return error } catch { return nil }
        return nil
    }

    @Test("an ersättare of another party is refused with the reason")
    func otherParty() throws {
        let hosts = try Self.hostsWithMeeting()
        var request = SeedMeeting.attendance
        request.substitutions[0] = Substitution(substitute: "johan-johansson", replaces: "magnus-johansson")
        request.substitutions.removeLast()
        let error = try #require(Self.message { try hosts.call(DocumentsMethods.attendanceSet, request) })
        #expect(error.code == .validation)
        #expect(error.message.contains("Johan Johansson (MP), Bodens kommun cannot serve for Magnus Johansson (S), Gällivare kommun"))
        #expect(error.message.contains("same party"))
    }

    @Test("an ersättare of the same party but another political party serves (seed: MP for S in Boden)")
    func otherPoliticalParty() throws {
        let hosts = try Self.hostsWithMeeting()
        let meeting = try hosts.call(DocumentsMethods.attendanceSet, SeedMeeting.attendance)
        let johan = try #require(meeting.content.attendance?.member("johan-johansson"))
        #expect(johan.serving.map(\.replaces) == ["lena-goldkuhl"])
    }

    @Test("an ersättare cannot serve for a ledamot who is present, nor two for one")
    func presentLedamotAndOneForOne() throws {
        let hosts = try Self.hostsWithMeeting()
        var request = SeedMeeting.attendance
        request.substitutions.append(Substitution(substitute: "anders-josefsson", replaces: "carina-sammeli"))
        let present = try #require(Self.message { try hosts.call(DocumentsMethods.attendanceSet, request) })
        #expect(present.message.contains("is present then"), "open-ended service overlaps § 15 on")
        request.substitutions[2] = Substitution(substitute: "anders-josefsson", replaces: "carina-sammeli", through: 14)
        request.presentSubstitutes = []
        let meeting = try hosts.call(DocumentsMethods.attendanceSet, request)
        #expect(meeting.content.attendance?.member("anders-josefsson")?.serves(at: 14) == true)
        var twice = SeedMeeting.attendance
        twice.absent.append("carina-sammeli")
        twice.changes = []
        twice.substitutions.append(Substitution(substitute: "anders-josefsson", replaces: "lena-goldkuhl"))
        let error = try #require(Self.message { try hosts.call(DocumentsMethods.attendanceSet, twice) })
        #expect(error.message.contains("same party") || error.message.contains("one serves for one"))
    }

    @Test("jäv on § 9 with a substitute serving for that paragraph only; left before § 12")
    func recusalAndDeparture() throws {
        let hosts = try Self.hostsWithMeeting()
        var request = SeedMeeting.attendance
        request.changes += [PresenceChange(person: "stefan-sydberg", kind: .recused, paragraph: 9),
                            PresenceChange(person: "sven-tornberg", kind: .leaves, paragraph: 12)]
        request.substitutions.append(Substitution(substitute: "gunnar-selberg", replaces: "stefan-sydberg", from: 9, through: 9))
        let meeting = try hosts.call(DocumentsMethods.attendanceSet, request)
        let attendance = try #require(meeting.content.attendance)
        #expect(attendance.quorum(at: 9).serving == 9, "Sydberg out, Selberg in")
        #expect(attendance.member("gunnar-selberg")?.serves(at: 10) == false)
        #expect(attendance.quorum(at: 12).serving == 8, "Tornberg left before § 12")
        var wrong = request
        wrong.substitutions[2].through = 10
        let error = try #require(Self.message { try hosts.call(DocumentsMethods.attendanceSet, wrong) })
        #expect(error.message.contains("§ 10"))
    }

    @Test("a decision without quorum is refused, naming how many serve and how many are needed")
    func noQuorum() throws {
        let hosts = try Self.hostsWithMeeting()
        var request = SeedMeeting.attendance
        for person in ["maud-lundback", "stefan-sydberg", "ulrica-hammarstrom"] {
            request.changes.append(PresenceChange(person: person, kind: .leaves, paragraph: 9))
        }
        try hosts.call(DocumentsMethods.attendanceSet, request)
        try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: SeedMeeting.ref, content: SeedMeeting.paragraphs[0]))
        let error = try #require(Self.message {
            try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: SeedMeeting.ref, content: SeedMeeting.paragraphs[1]))
        })
        #expect(error.code == .validation)
        #expect(error.message.contains("§ 9 cannot be decided without a quorum: 6 of 14 ledamöter serve"))
        #expect(error.message.contains("8, are needed"))
        #expect(try hosts.call(DocumentsMethods.sequenceGet, SequenceRef(committee: "NBE", year: 2022)).nextParagraph == 9, "nothing was numbered")
        // Attendance that would take away an existing paragraph's quorum is refused too.
        var worse = request
        worse.changes = ["maud-lundback", "stefan-sydberg", "ulrica-hammarstrom"].map { PresenceChange(person: $0, kind: .leaves, paragraph: 8) }
        let refused = try #require(Self.message { try hosts.call(DocumentsMethods.attendanceSet, worse) })
        #expect(refused.message.contains("§ 8 cannot be decided"))
    }

    @Test("votes are checked against who served; a secret ballot records only the tally; reservations by serving members")
    func votes() throws {
        let hosts = try Self.hostsWithMeeting()
        try hosts.call(DocumentsMethods.attendanceSet, SeedMeeting.attendance)
        let serving = ["isak-utsi", "johan-johansson", "stefan-ovrell", "sven-tornberg", "maud-lundback", "stefan-sydberg",
                       "ulrica-hammarstrom", "jonas-lindberg", "niclas-hokfors"]
        var content = SeedMeeting.paragraphs[4]
        content.decisionMethod = .vote
        content.vote = Vote(kind: .open, ballots: serving.enumerated().map { Ballot(person: $1, choice: $0 < 6 ? .ja : .nej) },
                            yes: 6, no: 3, abstain: 0)
        content.reservations = [Reservation(person: "jonas-lindberg", reason: "Till förmån för eget yrkande.")]
        let paragraph = try hosts.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: SeedMeeting.ref, content: content))
        #expect(paragraph.content.vote?.yes == 6)
        var outsider = content
        outsider.vote?.ballots[8] = Ballot(person: "carina-sammeli", choice: .nej)
        let absentVoter = try #require(Self.message { try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 8, content: outsider)) })
        #expect(absentVoter.message.contains("did not serve at § 8"))
        var tally = content
        tally.vote?.yes = 7
        #expect(Self.message { try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 8, content: tally)) }?.message.contains("does not match") == true)
        var secret = content
        secret.vote = Vote(kind: .secret, ballots: [], yes: 5, no: 3, abstain: 1)
        _ = try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 8, content: secret))
        secret.vote = Vote(kind: .secret, ballots: content.vote!.ballots, yes: 6, no: 3, abstain: 0)
        #expect(Self.message { try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 8, content: secret)) }?.message.contains("only the tally") == true)
        var reservation = content
        reservation.reservations = [Reservation(person: "anne-jakobsson")]
        #expect(Self.message { try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 8, content: reservation)) }?.message.contains("did not serve") == true)
    }

    @Test("a registry that does not answer makes attendance unavailable and writes nothing")
    func registryDown() throws {
        let hosts = try DocumentsTestHosts(registryDown: true)
        let error = try #require(Self.message { try hosts.call(DocumentsMethods.meetingCreate, SeedMeeting.create) })
        #expect(error.code == .unavailable)
    }
}
