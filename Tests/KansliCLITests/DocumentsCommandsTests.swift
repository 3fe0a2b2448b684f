import DocumentsAPI
import Foundation
import KansliCrypto
import KansliProtocol
import KansliTestSupport
import Testing
@testable import KansliCLI

@Suite("kansli documents")
struct DocumentsCommandsTests {
    @Test("import reads the shipped meeting file: § 8–16, 9 of 14 serving for § 8–14 and 10 of 14 for § 15–16, the chair changing at § 15")
    func importSeedMeeting() throws {
        let server = try DocumentsTestServer()
        let imported = server.run(["documents", "import", DocumentsTestServer.seedMeeting])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("Imported the meeting of Norrbottens e-nämnd 2022-06-22: § 8–16, revision 1."))
        #expect(imported.out.contains("§ 8–14: 9 of 14 serving (8 needed), chair Isak Utsi (S)"))
        #expect(imported.out.contains("§ 15–16: 10 of 14 serving (8 needed), chair Carina Sammeli (S)"))
        #expect(imported.out.contains("Justerare: jonas-lindberg; secretary Robert Karlsson; justering by 2022-07-06."))
        let signers = server.documents("protocol signers NBE 2022-06-22")
        #expect(signers.status == 0, "\(signers.err)")
        let names = ["Robert Karlsson", "Isak Utsi", "Carina Sammeli", "Jonas Lindberg"]
        let rows = signers.out.split(separator: "\n").dropFirst(2).map(String.init)
        #expect(rows.count == 4)
        for (row, name) in zip(rows, names) { #expect(row.contains(name), "\(row)") }
        #expect(rows[1].contains("§ 8–14") && rows[2].contains("§ 15–16"))
        let sequence = server.documents("sequence show NBE 2022")
        #expect(sequence.out.contains("next paragraph § 17, next case serial 18"))
    }

    @Test("importing the same file again changes nothing; an edited file updates paragraphs in place and removes the last")
    func importConverges() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let again = server.run(["documents", "import", DocumentsTestServer.seedMeeting])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("§ 8–16, revision 1."))

        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: DocumentsTestServer.seedMeeting))) as! [String: Any]
        var paragraphs = file["paragraphs"] as! [[String: Any]]
        paragraphs[4]["decision"] = "E-nämnden beslutar att godkänna budgeten för 2023 med tillägg."
        paragraphs.removeLast()
        file["paragraphs"] = paragraphs
        let edited = server.registry.directory.file("edited.json")
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: edited))
        let updated = server.run(["documents", "import", edited])
        #expect(updated.status == 0, "\(updated.err)")
        #expect(updated.out.contains("§ 8–15"))
        let shown = server.run(["--json", "documents", "paragraph", "show", "NBE", "2022-06-22", "12"])
        let paragraph = try JSONDecoder().decode(Paragraph.self, from: Data(shown.out.utf8))
        #expect(paragraph.content.decision.hasSuffix("med tillägg."))
        #expect(server.documents("sequence show NBE 2022").out.contains("next paragraph § 16"))
    }

    @Test("a meeting file that is not JSON, lacks a decision or has another format version is refused by name, storing nothing")
    func badMeetingFiles() throws {
        let server = try DocumentsTestServer()
        let directory = server.registry.directory
        let broken = directory.file("broken.json")
        try Data("{\n  \"formatVersion\": 1,\n  \"committee\": \"NBE\",\n  oops\n}".utf8).write(to: URL(fileURLWithPath: broken))
        let notJSON = server.run(["documents", "import", broken])
        #expect(notJSON.status == 65)
        #expect(notJSON.err.contains("is not JSON: line 4"))

        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: DocumentsTestServer.seedMeeting))) as! [String: Any]
        var paragraphs = file["paragraphs"] as! [[String: Any]]
        paragraphs[2].removeValue(forKey: "decision")
        file["paragraphs"] = paragraphs
        let missing = directory.file("missing.json")
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: missing))
        let noDecision = server.run(["documents", "import", missing])
        #expect(noDecision.status == 65)
        #expect(noDecision.err.contains("is not a meeting file: paragraphs[2].decision: missing"))

        paragraphs[2]["decision"] = "E-nämnden beslutar att lägga informationen till handlingarna."
        file["paragraphs"] = paragraphs
        file["formatVersion"] = 2
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: missing))
        let version = server.run(["documents", "import", missing])
        #expect(version.status == 65)
        #expect(version.err.contains("formatVersion 2"))
        #expect(server.documents("meeting list NBE").out.contains("No meetings."))
        #expect(server.run(["documents", "import", directory.file("absent.json")]).status == 66)
    }

    @Test("a step the service refuses stops the import and is named: an ersättare serving for someone of another party")
    func importNamesTheStep() throws {
        let server = try DocumentsTestServer()
        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: DocumentsTestServer.seedMeeting))) as! [String: Any]
        var attendance = file["attendance"] as! [String: Any]
        attendance["substitutions"] = [["substitute": "johan-johansson", "replaces": "lars-forsgren"]]
        file["attendance"] = attendance
        let path = server.registry.directory.file("wrong-party.json")
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        let refused = server.run(["documents", "import", path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("attendance: "), "\(refused.err)")
    }

    @Test("paragraph add and update take the content from options: motions, votes, reservations; an open vote lists every serving member")
    func paragraphOptions() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let partial = server.run(["documents", "paragraph", "add", "NBE", "2022-06-22", "--title", "Övriga frågor",
                                  "--decision", "E-nämnden beslutar att avslå motionen.", "--vote", "open", "--ballot", "isak-utsi=nej"])
        #expect(partial.status == 1)
        #expect(partial.err.contains("every serving member's vote is recorded (ja, nej or avstår); missing: "), "\(partial.err)")
        let simple = server.run(["documents", "paragraph", "add", "NBE", "2022-06-22", "--title", "Övriga frågor",
                                 "--decision", "E-nämnden beslutar att lägga informationen till handlingarna.",
                                 "--motion", "maud-lundback: att informationen läggs till handlingarna"])
        #expect(simple.status == 0, "\(simple.err)")
        #expect(simple.out.contains("§ 17 Övriga frågor: 10 of 14 serving (8 needed), chair Carina Sammeli (S)."))
        let updated = server.run(["documents", "paragraph", "update", "NBE", "2022-06-22", "17", "--vote", "secret", "--tally", "6-3-1",
                                  "--reservation", "maud-lundback"])
        #expect(updated.status == 0, "\(updated.err)")
        let shown = server.documents("paragraph show NBE 2022-06-22 17")
        #expect(shown.out.contains("Omröstning (secret): 6 ja, 3 nej, 1 avstår."))
        #expect(shown.out.contains("Yrkande (maud-lundback): att informationen läggs till handlingarna"))
        #expect(shown.out.contains("Reservation: maud-lundback"))
        let removed = server.documents("paragraph remove NBE 2022-06-22 17")
        #expect(removed.status == 0, "\(removed.err)")
        let gap = server.documents("paragraph remove NBE 2022-06-22 12")
        #expect(gap.status == 1)
        #expect(gap.err.contains("would leave a gap"))
    }

    @Test("a vote given wrongly on the command line is a usage error (exit 64) that says what to give")
    func voteUsage() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let cases: [([String], String)] = [
            (["--vote", "secret", "--ballot", "isak-utsi=ja"], "records only the --tally"),
            (["--vote", "secret"], "needs --tally"),
            (["--vote", "open"], "needs each serving member's --ballot"),
            (["--ballot", "isak-utsi=ja"], "give --vote open or --vote secret"),
            (["--vote", "open", "--ballot", "isak-utsi=maybe"], "expected person=ja"),
            (["--vote", "secret", "--tally", "6-3"], "expected ja-nej-avstår"),
            (["--motion", "no text here"], "expected person: text"),
            (["--immediate-justering", "perhaps"], "expected one of yes, no"),
        ]
        for (options, message) in cases {
            let run = server.run(["documents", "paragraph", "update", "NBE", "2022-06-22", "16"] + options)
            #expect(run.status == 64, "\(options)")
            #expect(run.err.contains(message), "\(options): \(run.err)")
        }
        let bare = server.run(["documents", "paragraph", "add", "NBE", "2022-06-22", "--title", "Utan beslut"])
        #expect(bare.status == 64)
        #expect(bare.err.contains("needs --title and --decision"))
    }

    @Test("attendance set parses substitutions with spans and changes per paragraph, and the quorum follows")
    func attendanceOptions() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let set = server.run(["documents", "attendance", "set", "NBE", "2022-06-22",
                              "--absent", "lars-forsgren", "--absent", "lena-goldkuhl", "--absent", "magnus-johansson",
                              "--absent", "henrik-blind", "--absent", "rikard-granstrom", "--absent", "roland-kempainen",
                              "--substitute", "johan-johansson=lena-goldkuhl", "--substitute", "stefan-ovrell=magnus-johansson@8-14",
                              "--present-substitute", "anne-jakobsson", "--arrives", "carina-sammeli@15",
                              "--other", "Robert Karlsson, Norrbottens e-nämnd"])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out.contains("§ 8–14: 9 of 14 serving"))
        #expect(set.out.contains("§ 15–16: 9 of 14 serving"), "\(set.out)")
        for bad in ["johan-johansson", "=lena-goldkuhl", "a=b@", "a=b@x-3", "a=b@-"] {
            let run = server.run(["documents", "attendance", "set", "NBE", "2022-06-22", "--substitute", bad])
            #expect(run.status == 64, "\(bad)")
            #expect(run.err.contains("--substitute: expected"), "\(bad)")
        }
        let arrives = server.run(["documents", "attendance", "set", "NBE", "2022-06-22", "--arrives", "carina-sammeli"])
        #expect(arrives.status == 64)
        #expect(arrives.err.contains("expected person@paragraph"))
    }

    @Test("render writes the protocol with the seed's närvarolista groups and paragraphs in order, an extract and the kallelse; --output reports the SHA-256 of the bytes it wrote")
    func render() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let path = server.registry.directory.file("protokoll.html")
        let written = server.run(["documents", "render", "NBE", "2022-06-22", "--output", path])
        #expect(written.status == 0, "\(written.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let digest = Hex.encode(SHA256.hash(Array(bytes))).uppercased()
        #expect(written.out.contains("SHA-256 \(digest)"))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let text = server.documents("render NBE 2022-06-22 --format text")
        #expect(text.status == 0, "\(text.err)")
        var position = text.out.startIndex
        for group in ["Tjänstgörande ledamöter", "Frånvarande ledamöter", "Tjänstgörande ersättare", "Tjänstgör istället för",
                      "Närvarande ersättare", "Övriga", "§ 8", "§ 15", "§ 16"] {
            let found = try #require(text.out.range(of: group, range: position..<text.out.endIndex), "\(group) in order")
            position = found.upperBound
        }
        let extract = server.documents("render NBE 2022-06-22 --document extract --paragraph 12 --format text")
        #expect(extract.status == 0, "\(extract.err)")
        #expect(extract.out.contains("Budget 2023"))
        #expect(!extract.out.contains("Delårsrapport 2022"))
        let kallelse = server.documents("render NBE 2022-06-22 --document kallelse --format text")
        #expect(kallelse.status == 0, "\(kallelse.err)")
        let noParagraph = server.documents("render NBE 2022-06-22 --document extract")
        #expect(noParagraph.status == 64)
        #expect(server.documents("render NBE 2022-06-22 --document minutes").err.contains("expected one of protocol, annex, kallelse, extract"))
    }

    @Test("notice: --check shows that Arjeplog posting on 2022-07-12 moves the last day to appeal to 2022-08-02; every board on 2022-07-08 gives 2022-07-29 and the late-notice warning")
    func notice() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let early = server.documents("notice post NBE 2022-06-22 --party arjeplog --posted-on 2022-07-12 --justerat-on 2022-07-04 --check")
        #expect(early.status == 0, "\(early.err)")
        #expect(early.out.contains("The time to appeal starts when every party has posted it."))
        #expect(server.documents("notice status NBE 2022-06-22").out.contains("not justerat yet"))
        let others = ["arvidsjaur", "boden", "gallivare", "haparanda", "jokkmokk", "kalix", "kiruna", "lulea", "pajala", "pitea",
                      "alvsbyn", "overkalix", "overtornea"]
        let thirteen = server.documents("notice post NBE 2022-06-22 --posted-on 2022-07-08 --justerat-on 2022-07-04"
                                        + others.map { " --party \($0)" }.joined())
        #expect(thirteen.status == 0, "\(thirteen.err)")
        #expect(thirteen.out.contains("Not posted yet: arjeplog."))
        let check = server.documents("notice post NBE 2022-06-22 --party arjeplog --posted-on 2022-07-12 --check")
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("Last day to appeal: 2022-08-02"))
        let posted = server.documents("notice post NBE 2022-06-22 --all-parties --posted-on 2022-07-08")
        #expect(posted.status == 0, "\(posted.err)")
        #expect(posted.out.contains("Up on every party's board."))
        #expect(posted.out.contains("Last day to appeal: 2022-07-29"))
        #expect(posted.out.contains("Warning: the notice on Luleå kommun's board went up 2022-07-08, 4 days after justering on 2022-07-04"))
        let status = server.run(["--json", "documents", "notice", "status", "NBE", "2022-06-22"])
        let decoded = try JSONDecoder().decode(NoticeStatus.self, from: Data(status.out.utf8))
        #expect(decoded.postings.count == 14)
        #expect(decoded.appealLastDay == CalendarDate("2022-07-29"))
        let twoChecks = server.documents("notice post NBE 2022-06-22 --party arjeplog --party boden --check")
        #expect(twoChecks.status == 64)
        #expect(server.documents("notice post NBE 2022-06-22").status == 64)
    }

    @Test("deadlines lists what comes due for open meetings; dispatch record sends to the distribution list by default")
    func deadlinesAndDispatch() throws {
        let server = try DocumentsTestServer.withSeedMeeting()
        let deadlines = server.documents("deadlines --committee NBE --on 2022-06-23")
        #expect(deadlines.status == 0, "\(deadlines.err)")
        #expect(deadlines.out.contains("2022-07-06"), "\(deadlines.out)")
        let dispatch = server.run(["documents", "dispatch", "record", "NBE", "2022-06-22", "8", "--sent-on", "2022-07-05", "--channel", "e-post"])
        #expect(dispatch.status == 0, "\(dispatch.err)")
        #expect(dispatch.out.contains("§ 8 sent 2022-07-05 by e-post to Gällivare kommun, Kiruna kommun."))
    }

    @Test("meeting create, update and list; sequence set before the year's first paragraph; case numbers in the committee's format")
    func meetingsAndSequences() throws {
        let server = try DocumentsTestServer()
        let created = server.run(["documents", "meeting", "create", "NBE", "2023-02-15", "--start", "09:00", "--place", "Teams"])
        #expect(created.status == 0, "\(created.err)")
        let updated = server.run(["documents", "meeting", "update", "NBE", "2023-02-15", "--place", "Kommunhuset, Luleå"])
        #expect(updated.status == 0, "\(updated.err)")
        #expect(updated.out.contains("09:00, Kommunhuset, Luleå"))
        let listed = server.documents("meeting list NBE")
        #expect(listed.out.contains("2023-02-15") && listed.out.contains("editable"))
        #expect(server.documents("sequence set NBE 2023 --next-paragraph 5 --next-case-serial 40").out.contains("next paragraph § 5, next case serial 40"))
        let allocated = server.documents("casenumber allocate NBE 2023 --class 2.2.0.1")
        #expect(allocated.status == 0, "\(allocated.err)")
        #expect(allocated.out.hasPrefix("2023/40-2.2.0.1"))
        #expect(server.documents("meeting show NBE 2023-02-30").status == 64)
    }
}
