/// A connection's prepared statements, keyed by their SQL, up to a fixed number.
///
/// When full, the cache is emptied before adding: simple, bounded, and cheap for the workloads it
/// serves (a service runs a few dozen distinct statements over and over).
struct StatementCache {
    /// The most statements kept.
    let capacity: Int
    private var statements: [String: Statement] = [:]
    /// Lookups answered from the cache (for tests and diagnostics).
    private(set) var hits = 0
    /// Lookups that had to prepare.
    private(set) var misses = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The number of statements held.
    var count: Int { statements.count }

    /// The cached statement for `sql`, or a new one from `prepare`, which is then cached.
    mutating func statement(for sql: String, prepare: (String) throws -> Statement) rethrows -> Statement {
        if let statement = statements[sql] {
            hits += 1
            return statement
        }
        misses += 1
        let statement = try prepare(sql)
        if capacity > 0 {
            if statements.count >= capacity { statements.removeAll() }
            statements[sql] = statement
        }
        return statement
    }

    /// Drops every statement; each is finalized as its last reference goes.
    mutating func removeAll() {
        statements.removeAll()
    }
}
