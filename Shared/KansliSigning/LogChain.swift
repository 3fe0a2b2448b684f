import KansliCrypto

/// Checks a committee's log: every entry in the exact form, one committee, sequences 1, 2, 3 …,
/// each entry holding the hash of the one before, times that never go back.
public enum LogChain {
    /// What the check found.
    public enum Verdict: Sendable, Equatable {
        /// Every entry holds; `head` is the last entry's hash (the empty log's is `noPrevious`).
        case intact(entries: Int, head: [UInt8])
        /// The first entry that does not hold (0-based position in the input), and why.
        case broken(at: Int, sequence: Int?, reason: String)
    }

    /// Checks `entries` (each an entry's bytes, in order) from the first, or from `after` (the
    /// sequence and hash of the entry before the first given, for checking the tail of a chain).
    public static func verify(_ entries: [[UInt8]], after: (sequence: Int, hash: [UInt8])? = nil) -> Verdict {
        var previous = after?.hash ?? LogEntry.noPrevious
        var sequence = after?.sequence ?? 0
        var committee: String?
        var lastTime = Int64.min
        for (index, bytes) in entries.enumerated() {
            let entry: LogEntry
            do {
                entry = try LogEntry(parsing: bytes)
            } catch {
                return .broken(at: index, sequence: nil, reason: "not a log entry: \(error)")
            }
            func broken(_ reason: String) -> Verdict { .broken(at: index, sequence: entry.sequence, reason: reason) }
            guard entry.sequence == sequence + 1 else {
                return broken("sequence \(entry.sequence) where \(sequence + 1) was due")
            }
            guard entry.previousHash == previous else {
                return broken("previous-sha256 is not the hash of entry \(sequence)\(sequence == 0 ? " (the first entry holds 64 zeros)" : "")")
            }
            if let committee, entry.committee != committee {
                return broken("committee \(entry.committee) in a chain of \(committee)")
            }
            guard entry.time.microsecondsSince1970 >= lastTime else {
                return broken("its time is earlier than the entry before")
            }
            committee = entry.committee
            lastTime = entry.time.microsecondsSince1970
            sequence = entry.sequence
            previous = SHA256.hash(bytes)
        }
        return .intact(entries: entries.count, head: previous)
    }
}
