import Foundation
import KansliStore
import Synchronization

/// Runs `body(index)` on `count` new threads at once and waits for all of them.
///
/// Real threads, not tasks: Database's API blocks, and the point is many OS threads at once.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// Failures seen on background threads, reported by the test on its own thread.
final class ThreadFailures: Sendable {
    private let messages = Mutex<[String]>([])

    func record(_ message: String) {
        messages.withLock { $0.append(message) }
    }

    var all: [String] { messages.withLock { $0 } }
}

/// A temporary file database with one table `item(id INTEGER PRIMARY KEY, name TEXT)`.
func makeItemDatabase(configuration: DatabaseConfiguration = .init()) throws -> Database {
    let db = try Database.temporary(configuration: configuration)
    try db.write { try $0.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT)") }
    return db
}

/// The number of rows in `table`, read in its own read transaction.
func count(_ table: String, in db: Database) throws -> Int {
    try db.read { try $0.queryOne("SELECT count(*) FROM \(table)")!.get(0) }
}
