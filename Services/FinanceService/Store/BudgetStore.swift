import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliStore

/// Reads and writes budget versions and allocation runs on one connection (inside the request's
/// transaction, which `ServiceHost` opened).
struct BudgetStore {
    let connection: Connection

    /// The version `reference` names (the latest when it names none), or `not_found`.
    func budget(_ reference: BudgetRef) throws -> Budget {
        let rows: [Row]
        if let version = reference.version {
            rows = try connection.query("SELECT body FROM budget_version WHERE committee = ? AND year = ? AND version = ?",
                                        [reference.committee, Int64(reference.year), Int64(version)])
        } else {
            rows = try connection.query("SELECT body FROM budget_version WHERE committee = ? AND year = ? ORDER BY version DESC LIMIT 1",
                                        [reference.committee, Int64(reference.year)])
        }
        guard let row = rows.first else {
            let which = reference.version.map { "version \($0) of " } ?? ""
            throw ServiceError.notFound("there is no \(which)budget \(reference.year) for committee \(ServiceError.quote(reference.committee))",
                                        field: reference.version == nil ? "year" : "version")
        }
        return try ProtocolCoding.decode(Budget.self, from: try row.get(0, as: [UInt8].self), what: "stored budget")
    }

    /// The latest version of the year, or nil.
    func latest(committee: String, year: Int) throws -> Budget? {
        do {
            return try budget(BudgetRef(committee: committee, year: year))
        } catch let error as ServiceError where error.code == .notFound {
            return nil
        }
    }

    /// Stores a new version.
    func insert(_ budget: Budget, at now: Timestamp) throws {
        try connection.execute("INSERT INTO budget_version (committee, year, version, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               [budget.committee, Int64(budget.year), Int64(budget.version), budget.status.rawValue,
                                try ProtocolCoding.encode(budget), now.microsecondsSince1970])
    }

    /// Replaces a stored version (a draft's lines, or any version's status and adoption).
    func replace(_ budget: Budget) throws {
        try connection.execute("UPDATE budget_version SET status = ?, body = ? WHERE committee = ? AND year = ? AND version = ?",
                               [budget.status.rawValue, try ProtocolCoding.encode(budget), budget.committee,
                                Int64(budget.year), Int64(budget.version)])
    }

    /// Every version of a committee, by year and version.
    func list(committee: String) throws -> [Budget] {
        try connection.query("SELECT body FROM budget_version WHERE committee = ? ORDER BY year, version", [committee]).map {
            try ProtocolCoding.decode(Budget.self, from: try $0.get(0, as: [UInt8].self), what: "stored budget")
        }
    }

    /// Stores an allocation as the next run of its budget version and returns it with its number.
    func insert(_ allocation: BudgetAllocation, at now: Timestamp) throws -> BudgetAllocation {
        let last = try connection.queryOne("SELECT MAX(run) FROM allocation_run WHERE committee = ? AND year = ? AND version = ?",
                                           [allocation.committee, Int64(allocation.year), Int64(allocation.version)])
        var stored = allocation
        stored.run = Int(try last?.get(0, as: Int64?.self) ?? 0) + 1
        try connection.execute("INSERT INTO allocation_run (committee, year, version, run, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               [stored.committee, Int64(stored.year), Int64(stored.version), Int64(stored.run),
                                try ProtocolCoding.encode(stored), now.microsecondsSince1970])
        return stored
    }

    /// The latest stored run of a budget version, or nil.
    func latestAllocation(of budget: Budget) throws -> BudgetAllocation? {
        let row = try connection.queryOne("SELECT body FROM allocation_run WHERE committee = ? AND year = ? AND version = ? ORDER BY run DESC LIMIT 1",
                                          [budget.committee, Int64(budget.year), Int64(budget.version)])
        return try row.map { try ProtocolCoding.decode(BudgetAllocation.self, from: try $0.get(0, as: [UInt8].self), what: "stored allocation") }
    }
}
