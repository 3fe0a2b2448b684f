import Foundation
import KansliStore
import KansliTransport
import Synchronization

/// Kill -9 under write load, over and over (issue 14's crash safety): each cycle starts the
/// service on the same database, lets `writers` threads write, kills it with SIGKILL at a seeded
/// random moment, checks the database file (`PRAGMA integrity_check`) and, after a restart, that
/// every acknowledged write is there exactly once.
public enum CrashCycles {
    /// What the cycles found.
    public struct Report: Sendable, CustomStringConvertible {
        public var cycles = 0
        /// Writes the service acknowledged before it was killed.
        public var acknowledged = 0
        /// Acknowledged writes missing after the restart (the goal is zero).
        public var lost: [String] = []
        /// Records present more than once (the goal is zero).
        public var duplicated: [String] = []
        /// Cycles whose database failed `PRAGMA integrity_check`, with what it said.
        public var damaged: [String] = []

        public var description: String {
            "\(cycles) kill -9 cycles, \(acknowledged) acknowledged writes, \(lost.count) lost, \(duplicated.count) duplicated, "
                + "\(damaged.count) damaged databases"
        }

        public var isClean: Bool { lost.isEmpty && duplicated.isEmpty && damaged.isEmpty }
    }

    /// Runs `cycles` cycles against `kansli-<service>`.
    /// - Parameters:
    ///   - setup: once, on the first start (import a committee …).
    ///   - write: one write by worker `worker`, its `index`-th; returns the id of what it created.
    ///   - present: the ids of every record `write` creates, as the restarted service lists them.
    ///   - keys, extraArguments: the keys and options the service starts with (its peers').
    ///   - credential: the key worker `worker` writes with (the admin key when nil).
    ///   - killWithin: the kill lands after 1 to this many acknowledged writes.
    ///   - check: after each restart, what does not hold (a protocol that no longer verifies …).
    public static func run(service: String, cycles: Int, writers: Int = 4, seed: UInt64, keys: TestKeys? = nil,
                           extraArguments: [String] = [], credential: (Int) -> ClientCredential? = { _ in nil },
                           killWithin: Int = 200,
                           setup: (ServiceClient) throws -> Void,
                           write: @escaping @Sendable (ServiceClient, _ worker: Int, _ index: Int) throws -> String,
                           present: (ServiceClient) throws -> [String],
                           check: (ServiceClient) throws -> [String] = { _ in [] }) throws -> Report {
        let keys = try keys ?? TestKeys()
        let directory = try TemporaryDirectory("crash-\(service)")
        defer { directory.remove() }
        var generator = SeededGenerator(seed: seed)
        var report = Report()
        var acknowledged = Set<String>()
        var process = try ServiceProcess(service, keys: keys, dataDirectory: directory.path, extraArguments: extraArguments)
        try setup(process.client())
        for cycle in 0..<cycles {
            let written = Mutex<[String]>([])
            let stop = Atomic<Bool>(false)
            let finished = Atomic<Int>(0)
            let done = DispatchSemaphore(value: 0)
            let start = cycle * 1_000_000
            for worker in 0..<writers {
                var options = ClientOptions()
                options.maxAttempts = 1
                options.callTimeout = 5
                let client = process.client(credential(worker), options: options)
                Thread {
                    defer {
                        client.close()
                        finished.add(1, ordering: .relaxed)
                        done.signal()
                    }
                    var index = start
                    while !stop.load(ordering: .relaxed) {
                        index += 1
                        // A failed write is one the kill interrupted: not acknowledged.
                        guard let id = try? write(client, worker, index) else { return }
                        written.withLock { $0.append(id) }
                    }
                }.start()
            }
            // Kill at a random moment once writes flow: anywhere from the first to the `killWithin`th.
            let after = Int.random(in: 1...killWithin, using: &generator)
            while written.withLock({ $0.count }) < after && process.isRunning && finished.load(ordering: .relaxed) < writers { usleep(500) }
            usleep(UInt32.random(in: 0...3_000, using: &generator))
            process.killHard()
            stop.store(true, ordering: .relaxed)
            for _ in 0..<writers { done.wait() }
            acknowledged.formUnion(written.withLock { $0 })

            let databasePath = "\(directory.path)/\(service).sqlite"
            let verdict = try Database(path: databasePath).read { connection in
                try connection.query("PRAGMA integrity_check").compactMap { row -> String? in try row.get(0) }
            }
            if verdict != ["ok"] { report.damaged.append("cycle \(cycle): \(verdict.prefix(3).joined(separator: "; "))") }

            process = try ServiceProcess(service, keys: keys, dataDirectory: directory.path, extraArguments: extraArguments)
            let ids = try present(process.client())
            report.damaged += try check(process.client()).map { "cycle \(cycle): \($0)" }
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { report.duplicated.append(id) }
            report.lost += acknowledged.subtracting(seen).sorted()
            acknowledged.subtract(report.lost)
            report.cycles += 1
        }
        report.acknowledged = acknowledged.count + report.lost.count
        process.terminate()
        return report
    }
}
