import RegistryAPI
import Testing

@testable import RegistryService

/// The cache on its own: an entry is served only at the exact version it was read at, a newer
/// entry is never pushed out by an older one, and both bounds hold.
@Suite("Committee state cache")
struct CommitteeStateCacheTests {
    /// Norrbotten as shipped, with its code replaced: 109 records, so 110 in the cache's count.
    static func state(_ code: String, renaming person: String? = nil) throws -> CommitteeState {
        var file = try Fixtures.norrbotten()
        file.committee.code = code
        if let person {
            file.persons[0].name = person
        }
        return CommitteeState(file)
    }

    static let norrbottenRecords = 110

    @Test("A state is served only at the exact rowid and revision it was read at")
    func exactVersionOnly() throws {
        let cache = CommitteeStateCache()
        let state = try Self.state("NBE")
        cache.insert(state, of: "NBE", at: CommitteeVersion(seq: 1, revision: 5))
        #expect(cache.state(of: "NBE", at: CommitteeVersion(seq: 1, revision: 5))?.file == state.file)
        #expect(!cache.holds("NBE", at: CommitteeVersion(seq: 1, revision: 6)))
        #expect(!cache.holds("NBE", at: CommitteeVersion(seq: 2, revision: 5)))
        #expect(!cache.holds("GNS", at: CommitteeVersion(seq: 1, revision: 5)))
        #expect(cache.statistics == .init(hits: 1, misses: 3, committees: 1, records: Self.norrbottenRecords))
    }

    @Test("A state read at an older revision does not replace a newer one; a newer one replaces it")
    func newerRevisionWins() throws {
        let cache = CommitteeStateCache()
        let newer = try Self.state("NBE", renaming: "Newer")
        cache.insert(newer, of: "NBE", at: CommitteeVersion(seq: 1, revision: 6))
        // A reader whose snapshot is older finishes later.
        cache.insert(try Self.state("NBE", renaming: "Older"), of: "NBE", at: CommitteeVersion(seq: 1, revision: 5))
        #expect(cache.state(of: "NBE", at: CommitteeVersion(seq: 1, revision: 6))?.file.persons[0].name == "Newer")
        #expect(!cache.holds("NBE", at: CommitteeVersion(seq: 1, revision: 5)))

        // Deleted and imported again under another rowid: a later revision all the same.
        cache.insert(try Self.state("NBE", renaming: "Reimported"), of: "NBE", at: CommitteeVersion(seq: 7, revision: 9))
        #expect(cache.state(of: "NBE", at: CommitteeVersion(seq: 7, revision: 9))?.file.persons[0].name == "Reimported")
        #expect(cache.statistics.committees == 1 && cache.statistics.records == Self.norrbottenRecords)
    }

    @Test("At most maxCommittees are kept: the least recently used goes first")
    func committeeBound() throws {
        let cache = CommitteeStateCache(maxCommittees: 2)
        let version = CommitteeVersion(seq: 1, revision: 1)
        cache.insert(try Self.state("A"), of: "A", at: version)
        cache.insert(try Self.state("B"), of: "B", at: version)
        _ = cache.state(of: "A", at: version)
        cache.insert(try Self.state("C"), of: "C", at: version)
        #expect(cache.holds("A", at: version))
        #expect(!cache.holds("B", at: version))
        #expect(cache.holds("C", at: version))
        #expect(cache.statistics.committees == 2 && cache.statistics.records == 2 * Self.norrbottenRecords)
    }

    @Test("At most maxRecords are kept in all; a committee bigger than that is never kept")
    func recordBound() throws {
        let version = CommitteeVersion(seq: 1, revision: 1)
        let cache = CommitteeStateCache(maxRecords: 2 * Self.norrbottenRecords + 10)
        cache.insert(try Self.state("A"), of: "A", at: version)
        cache.insert(try Self.state("B"), of: "B", at: version)
        cache.insert(try Self.state("C"), of: "C", at: version)
        #expect(cache.statistics.committees == 2 && cache.statistics.records == 2 * Self.norrbottenRecords)
        #expect(!cache.holds("A", at: version))

        let small = CommitteeStateCache(maxRecords: Self.norrbottenRecords - 1)
        small.insert(try Self.state("A"), of: "A", at: version)
        #expect(small.statistics == .init(hits: 0, misses: 0, committees: 0, records: 0))
        #expect(!small.holds("A", at: version))
    }
}

extension CommitteeStateCache {
    /// Whether a lookup of `code` at `version` finds a state (counted like any lookup). A Bool,
    /// so that a failing expectation does not print a whole committee.
    func holds(_ code: String, at version: CommitteeVersion) -> Bool {
        state(of: code, at: version) != nil
    }
}
