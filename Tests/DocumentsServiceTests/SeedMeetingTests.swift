import DocumentsAPI
import Foundation
import KansliProtocol
import Testing
@testable import DocumentsService

@Suite("The seed's 2022-06-22 meeting entered through the service")
struct SeedMeetingTests {
    @Test("paragraphs are numbered § 8–16 from the year's sequence, with the seed's quorum: 9 of 14 for § 8–14, 10 of 14 for § 15–16")
    func numbersAndQuorum() throws {
        let hosts = try DocumentsTestHosts()
        let meeting = try hosts.enterSeedMeeting()
        #expect(meeting.content.paragraphs.map(\.number) == Array(8...16))
        for paragraph in meeting.content.paragraphs {
            #expect(paragraph.quorum.seats == 14)
            #expect(paragraph.quorum.needed == 8)
            #expect(paragraph.quorum.serving == (paragraph.number >= 15 ? 10 : 9), "§ \(paragraph.number)")
        }
        let sequence = try hosts.call(DocumentsMethods.sequenceGet, SequenceRef(committee: "NBE", year: 2022))
        #expect(sequence.nextParagraph == 17)
    }

    @Test("the vice chair chairs § 8–14 and the chair, arrived at § 15, chairs § 15–16")
    func chairs() throws {
        let meeting = try DocumentsTestHosts().enterSeedMeeting()
        for paragraph in meeting.content.paragraphs {
            #expect(paragraph.chair == (paragraph.number >= 15 ? "carina-sammeli" : "isak-utsi"), "§ \(paragraph.number)")
        }
        #expect(meeting.content.paragraphs[0].chairName == "Isak Utsi (S)")
    }

    @Test("the required signers are the seed's four, in the seed's order: secretary, the two chairs, the justerare")
    func signers() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let signers = try hosts.call(DocumentsMethods.protocolSigners, SeedMeeting.ref)
        #expect(signers.map(\.name) == ["Robert Karlsson", "Isak Utsi", "Carina Sammeli", "Jonas Lindberg"])
        #expect(signers.map(\.roles) == [[.secretary], [.chair], [.chair], [.justerare]])
        #expect(signers[1].paragraphs == Array(8...14))
        #expect(signers[2].paragraphs == [15, 16])
    }

    @Test("a person with two roles signs once: a justerare who also chaired is one signer with both roles")
    func twoRolesSignOnce() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting(protocolDetails: false)
        var details = SeedMeeting.details
        details.justerare = ["isak-utsi", "jonas-lindberg"]
        try hosts.call(DocumentsMethods.protocolSet, details)
        let signers = try hosts.call(DocumentsMethods.protocolSigners, SeedMeeting.ref)
        #expect(signers.count == 4)
        #expect(signers.first { $0.person == "isak-utsi" }?.roles == [.chair, .justerare])
    }

    @Test("the protocol's närvarolista has the seed's groups and members")
    func attendanceGroups() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let text = try hosts.render(.protocol, .text).text
        let groups = ["Tjänstgörande ledamöter", "Frånvarande ledamöter", "Tjänstgörande ersättare", "Närvarande ersättare",
                      "Frånvarande ersättare", "Övriga"]
        var position = text.startIndex
        for group in groups {
            let found = try #require(text.range(of: group + "\n", range: position..<text.endIndex), "\(group) in order")
            position = found.upperBound
        }
        func section(_ title: String) -> String {
            let start = text.range(of: title + "\n")!.upperBound
            let end = text.range(of: "\n\n", range: text.index(start, offsetBy: 2)..<text.endIndex)?.lowerBound ?? text.endIndex
            return String(text[start..<end])
        }
        let serving = section("Tjänstgörande ledamöter")
        for name in ["Isak Utsi (S)", "Sven Tornberg (C)", "Maud Lundbäck (S)", "Stefan Sydberg (M)", "Carina Sammeli (S)",
                     "Ulrica Hammarström (S)", "Jonas Lindberg (S)", "Niclas Hökfors (S)"] {
            #expect(serving.contains(name), "\(name) serves")
        }
        let carina = serving.split(separator: "\n").first { $0.hasPrefix("Carina Sammeli (S)") } ?? ""
        #expect(carina.contains("Luleå kommun (ordförande)") && carina.hasSuffix("§ 15-16"))
        #expect(serving.contains("Arjeplogs kommun (vice ordförande)"))
        let absent = section("Frånvarande ledamöter")
        for name in ["Lars Forsgren (S)", "Lena Goldkuhl (S)", "Magnus Johansson (S)", "Henrik Blind (MP)", "Rikard Granström (S)",
                     "Roland Kempainen (S)"] {
            #expect(absent.contains(name), "\(name) absent")
        }
        let substitutes = section("Tjänstgörande ersättare")
        #expect(substitutes.contains("Johan Johansson (MP)  Bodens kommun"))
        #expect(substitutes.contains("Tjänstgör istället för Lena Goldkuhl (S)"))
        #expect(substitutes.contains("Tjänstgör istället för Magnus Johansson (S)"))
        #expect(section("Närvarande ersättare").contains("Anne Jakobsson (S)"))
        #expect(section("Frånvarande ersättare").split(separator: "\n").count == 12, "the header and eleven absent ersättare")
        #expect(section("Övriga").contains("Lisa Lundgren    Evado (t.f. samordnare, extern konsult)"))
    }

    @Test("the header names the justerare, the justering, the paragraphs, the secretary and both chairs")
    func header() throws {
        let hosts = try DocumentsTestHosts()
        try hosts.enterSeedMeeting()
        let text = try hosts.render(.protocol, .text).text
        #expect(text.contains("Plats och tid                Teams, kl. 13:00 - 14:40"))
        #expect(text.contains("Justerare                    Jonas Lindberg (S)"))
        #expect(text.contains("Tid och plats för justering  Protokollet justeras digitalt senast 2022-07-06"))
        #expect(text.contains("Justerade paragrafer         8-16"))
        #expect(text.contains("Sekreterare                  Robert Karlsson"))
        #expect(text.contains("Ordförande                   Isak Utsi (S) § 8-14 Carina Sammeli (S) § 15-16"))
        #expect(text.contains("§ 12 Budget 2023"))
        #expect(text.contains("Ordföranden ställer sitt eget förslag till beslut för proposition"))
    }
}
