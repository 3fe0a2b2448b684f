import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliStore

/// Reads and writes outcome entries, forecasts and closings, inside the request's transaction.
struct FollowUpStore {
    let connection: Connection

    /// Stores an entry, replacing one of the same line, direction and period.
    func record(_ entry: OutcomeEntry, committee: String, year: Int, at now: Timestamp) throws {
        try connection.execute("""
            INSERT OR REPLACE INTO outcome (committee, year, object_code, direction, period_from, period_to, body, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [committee, Int64(year), entry.objectCode, entry.direction.rawValue, entry.period.from.description,
                  entry.period.to.description, try ProtocolCoding.encode(entry), now.microsecondsSince1970])
    }

    /// The entries of a year, by line, direction and period.
    func outcome(committee: String, year: Int) throws -> [OutcomeEntry] {
        try connection.query("""
            SELECT body FROM outcome WHERE committee = ? AND year = ? ORDER BY object_code, direction, period_from, period_to
            """, [committee, Int64(year)]).map {
            try ProtocolCoding.decode(OutcomeEntry.self, from: try $0.get(0, as: [UInt8].self), what: "stored outcome")
        }
    }

    /// Stores a forecast, replacing the line's and direction's earlier one.
    func set(_ forecast: Forecast, committee: String, year: Int, at now: Timestamp) throws {
        try connection.execute("""
            INSERT OR REPLACE INTO forecast (committee, year, object_code, direction, body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [committee, Int64(year), forecast.objectCode, forecast.direction.rawValue, try ProtocolCoding.encode(forecast),
                  now.microsecondsSince1970])
    }

    /// The forecasts of a year, by line and direction.
    func forecasts(committee: String, year: Int) throws -> [Forecast] {
        try connection.query("SELECT body FROM forecast WHERE committee = ? AND year = ? ORDER BY object_code, direction",
                             [committee, Int64(year)]).map {
            try ProtocolCoding.decode(Forecast.self, from: try $0.get(0, as: [UInt8].self), what: "stored forecast")
        }
    }

    /// Stores a year's closing.
    func insert(_ closing: YearClosing, at now: Timestamp) throws {
        try connection.execute("INSERT INTO year_closing (committee, year, body, created_at) VALUES (?, ?, ?, ?)",
                               [closing.committee, Int64(closing.year), try ProtocolCoding.encode(closing), now.microsecondsSince1970])
    }

    /// A year's closing, or nil.
    func closing(committee: String, year: Int) throws -> YearClosing? {
        try connection.queryOne("SELECT body FROM year_closing WHERE committee = ? AND year = ?", [committee, Int64(year)]).map {
            try ProtocolCoding.decode(YearClosing.self, from: try $0.get(0, as: [UInt8].self), what: "stored closing")
        }
    }
}
