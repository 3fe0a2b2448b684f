import Foundation
import KansliCrypto
import KansliPlatform
import KansliSigning

/// `verify-log` over a committee log of `entries` entries (issue 12: 100 000 in under 1 s),
/// beside the same run's baseline: SHA-256 alone over the same entries, which any check of a hash
/// chain must at least do.
enum SigningBench {
    static func run(entries count: Int) throws {
        var previous = LogEntry.noPrevious
        var entries: [[UInt8]] = []
        entries.reserveCapacity(count)
        for sequence in 1...count {
            let entry = LogEntry(committee: "NBE", sequence: sequence, previousHash: previous,
                                 time: Timestamp(secondsSince1970: 1_656_000_000 + Int64(sequence)), event: "anslag",
                                 fields: [.init("meeting", "2022-06-22"), .init("party", "party-\(sequence % 290)"),
                                          .init("posted-on", "2022-07-08")])
            let bytes = try entry.bytes()
            entries.append(bytes)
            previous = SHA256.hash(bytes)
        }
        let bytes = entries.reduce(0) { $0 + $1.count }
        func seconds(_ body: () -> Void) -> Double {
            let start = ContinuousClock.now
            body()
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var hashOnly: [Double] = []
        var verify: [Double] = []
        var sink = 0
        for _ in 0..<5 {
            hashOnly.append(seconds { for entry in entries { sink &+= Int(SHA256.hash(entry)[0]) } })
            verify.append(seconds {
                if case .intact(let n, _) = LogChain.verify(entries) { sink &+= n } else { fatalError("the chain is broken") }
            })
        }
        let hashMedian = hashOnly.sorted()[2], verifyMedian = verify.sorted()[2]
        print("""

            ## verify-log: a committee log of \(count) entries (\(bytes / 1024) KiB), median of 5
            | what | ms | ÷ SHA-256 only |
            |---|---|---|
            | SHA-256 of every entry (baseline) | \(String(format: "%.1f", hashMedian * 1000)) | 1.00× |
            | LogChain.verify (parse, link, hash) | \(String(format: "%.1f", verifyMedian * 1000)) | \(String(format: "%.2f", verifyMedian / hashMedian))× |
            Goal (issue 12): 100 000 entries in under 1 s. (sink \(sink % 10))
            """)
    }
}
