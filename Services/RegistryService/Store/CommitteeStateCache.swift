import Synchronization

/// The states of recently read or written committees, each tagged with the `CommitteeVersion` it was read
/// at, so that reading an unchanged committee again costs one indexed lookup of its version
/// instead of nine queries and rebuilding its indexes.
///
/// ## Why an entry is never stale
/// - Triggers in the schema (`RegistrySchema`, migration 2) stamp a committee with a fresh
///   revision, from a counter that only grows, whenever any of its records is inserted, updated
///   or deleted — in the same transaction as the change. No code path can forget to, and a
///   program that writes the file directly stamps it too.
/// - A reader looks up the committee's version in its own read transaction and takes an entry
///   only when the version is exactly the one it sees. Records and version come from one snapshot,
///   so an entry holds what every transaction that sees its version would read.
/// - Read transactions fill it with what they read (`RegistryReadContext`): committed data, and a
///   committed revision is never handed out again.
/// - A write fills it with the state it made (`RegistryWriteContext.publish`) only under a version
///   that carries a fresh random token besides the revision: a write's revision could be rolled
///   back and reused for other records, but not together with its token, so the entry of a write
///   that did not commit is never taken.
/// - A version names its token too (`CommitteeVersion.token`), so a lookup matches only the exact
///   rowid, revision and token it sees.
///
/// ## Bounds
/// At most `maxCommittees` committees and `maxRecords` records in all (a committee counts its
/// records plus one). A committee bigger than `maxRecords` is never kept; otherwise the least
/// recently used committees go to make room.
final class CommitteeStateCache: Sendable {
    /// The default for `maxCommittees`: room for every committee of a hosted deployment (hundreds).
    static let defaultMaxCommittees = 512
    /// The default for `maxRecords`: about 80 MB (a cached record takes some 330 bytes with its
    /// share of the indexes, measured on the benchmark's committee of 30 parties and 120 persons,
    /// 90 KB in all), so about 900 committees of that size.
    static let defaultMaxRecords = 250_000

    /// The most committees kept.
    let maxCommittees: Int
    /// The most records kept, over all committees.
    let maxRecords: Int

    /// How the cache has been used, for tests and diagnostics.
    struct Statistics: Equatable, Sendable {
        /// Lookups that found the version asked for.
        var hits = 0
        /// Lookups that did not.
        var misses = 0
        /// Committees held now.
        var committees = 0
        /// Records held now (each committee counts one more).
        var records = 0
    }

    private struct Entry {
        let version: CommitteeVersion
        let state: CommitteeState
        let records: Int
        var lastUse: UInt64
    }

    private struct Contents {
        var entries: [String: Entry] = [:]
        var statistics = Statistics()
        /// Ticks once per lookup or insertion: the recency `lastUse` is measured in.
        var clock: UInt64 = 0
    }

    private let contents = Mutex(Contents())

    /// An empty cache with the given bounds.
    init(maxCommittees: Int = defaultMaxCommittees, maxRecords: Int = defaultMaxRecords) {
        precondition(maxCommittees >= 0 && maxRecords >= 0, "cache bounds cannot be negative")
        self.maxCommittees = maxCommittees
        self.maxRecords = maxRecords
    }

    /// The state of the committee with `code` at exactly `version`, if held.
    func state(of code: String, at version: CommitteeVersion) -> CommitteeState? {
        contents.withLock { contents in
            contents.clock += 1
            guard let entry = contents.entries[code], entry.version == version else {
                contents.statistics.misses += 1
                return nil
            }
            contents.entries[code]?.lastUse = contents.clock
            contents.statistics.hits += 1
            return entry.state
        }
    }

    /// Keeps `state`, read in a read transaction that saw the committee with `code` at `version`.
    /// A held state of a later revision stays: it is what newer readers will ask for.
    func insert(_ state: CommitteeState, of code: String, at version: CommitteeVersion) {
        let counts = state.file.counts
        let records = 1 + counts.parties + counts.yearlyKeys + counts.persons + counts.appointments + counts.roles
            + counts.staff + counts.pairings + counts.signingKeys
        guard records <= maxRecords, maxCommittees > 0 else { return }
        contents.withLock { contents in
            if let held = contents.entries[code] {
                guard held.version.revision <= version.revision else { return }
                contents.entries[code] = nil
                contents.statistics.records -= held.records
            }
            while contents.entries.count >= maxCommittees || contents.statistics.records + records > maxRecords {
                // O(committees held), and only when full.
                guard let oldest = contents.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
                contents.entries[oldest.key] = nil
                contents.statistics.records -= oldest.value.records
            }
            contents.clock += 1
            contents.entries[code] = Entry(version: version, state: state, records: records, lastUse: contents.clock)
            contents.statistics.records += records
        }
    }

    /// The counters and sizes now.
    var statistics: Statistics {
        contents.withLock { contents in
            var statistics = contents.statistics
            statistics.committees = contents.entries.count
            return statistics
        }
    }
}
