import DocumentsAPI
import Foundation
import KansliProtocol
import KansliService
import KansliStore
import Testing
@testable import DocumentsService

/// A database written by the previous release opens under this one, migrated: the committed
/// fixture `Tests/Fixtures/documents-schema-1.sqlite` holds the seed meeting of 2022-06-22 as the
/// release before signing wrote it (schema 1: meetings, revisions, sequences).
@Suite("Schema upgrade of documents from the previous release")
struct SchemaUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/documents-schema-1.sqlite").path

    /// The documents service as the previous release defined it: only its first migration.
    struct PreviousRelease: ServiceDefinition {
        static let serviceName = "documents"
        var migrations: [Migration] { Array(DocumentsSchema.migrations.prefix(1)) }
        var peers: [String] { ["registry"] }
        func register(into router: ServiceRouter) { DocumentsDefinition().register(into: router) }
    }

    @Test("the fixture opens migrated to the current schema, the meeting reads back whole, and the protocol can then be signed")
    func upgrade() throws {
        let signing = try SigningHosts(database: Self.fixture)
        let hosts = signing.hosts
        let health = try hosts.documents.call(CommonMethods.health, HealthRequest(peers: false))
        #expect(health.schemaVersion == DocumentsSchema.migrations.map(\.version).max())
        let meeting = try hosts.call(DocumentsMethods.meetingGet, SeedMeeting.ref)
        #expect(meeting.content.paragraphs.map(\.number) == Array(8...16))
        #expect(meeting.content.paragraphs.map(\.quorum.serving) == [9, 9, 9, 9, 9, 9, 9, 10, 10])
        #expect(try signing.signAll()?.justeratOn == CalendarDate("2022-07-04"))
        #expect(try signing.verify().valid)
    }

    /// Writes the fixture with the previous release's schema (run once, by hand, when the
    /// release changes: `KANSLI_WRITE_FIXTURES=1 swift test --filter SchemaUpgradeTests`).
    @Test("writes the fixture when KANSLI_WRITE_FIXTURES=1", .enabled(if: ProcessInfo.processInfo.environment["KANSLI_WRITE_FIXTURES"] == "1"))
    func writeFixture() throws {
        let hosts = try DocumentsTestHosts(definition: PreviousRelease())
        try hosts.enterSeedMeeting()
        try hosts.documents.database.writeWithoutTransaction { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        try? FileManager.default.removeItem(atPath: Self.fixture)
        _ = try hosts.documents.database.backup(to: Self.fixture)
    }
}
