import KansliStore
import RegistryAPI

@testable import RegistryService

/// A registry database file without the service runtime: the schema's migrations applied and
/// records stored with `RegistryStore`, for tests of the store, its revisions and the read cache.
final class RegistryTestDatabase: Sendable {
    let database: Database

    /// A fresh file with `migrations` applied (all of the registry's by default).
    init(migrations: [Migration] = RegistrySchema.migrations) throws {
        database = try Database.temporary()
        try database.migrate(migrations)
    }

    /// Stores `file` as a new committee; returns its rowid.
    @discardableResult
    func insert(_ file: CommitteeFile) throws -> Int64 {
        try database.write { try RegistryStore(connection: $0).insertAll(file) }
    }

    /// Stores a committee with one person as a database of migration 1 held them (no revision
    /// columns), with SQL of that version rather than today's store; returns the committee's rowid.
    @discardableResult
    func insertAsVersion1(committee code: String, name: String, person: (id: String, name: String)) throws -> Int64 {
        try database.write { connection in
            try connection.execute(
                """
                INSERT INTO registry_committee (code, name, short_name, case_number_format) VALUES (?, ?, ?, ?)
                """, [code, name, code, "{year}/{serial}-{class}"])
            let seq = connection.lastInsertRowID
            try connection.execute("INSERT INTO registry_person (committee_seq, id, name) VALUES (?, ?, ?)",
                                   [seq, person.id, person.name])
            return seq
        }
    }

    /// Runs `body` with the store in a write transaction.
    func write(_ body: (RegistryStore) throws -> Void) throws {
        try database.write { try body(RegistryStore(connection: $0)) }
    }

    /// The committee's version as a new read transaction sees it.
    func version(of code: String) throws -> CommitteeVersion {
        try database.read { try RegistryStore(connection: $0).requireVersion(of: code) }
    }

    /// The committee's state read as a read method reads it, through `cache`.
    func readState(of code: String, through cache: CommitteeStateCache) throws -> CommitteeState {
        try database.read { try RegistryReadContext(connection: $0, cache: cache).state(of: code) }
    }

    /// The committee's records read straight from the tables, without any cache.
    func file(of code: String) throws -> CommitteeFile {
        try database.read { try RegistryStore(connection: $0).state(of: code).state.file }
    }
}
