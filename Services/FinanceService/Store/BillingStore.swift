import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliStore

/// Reads and writes billing runs, the invoice number series, bankgiro prefixes, issued invoices
/// and payments on one connection, inside the request's transaction.
struct BillingStore {
    let connection: Connection

    // MARK: Runs

    /// The run `reference` names, or `not_found`.
    func run(_ reference: BillingRunRef) throws -> BillingRun {
        guard let row = try connection.queryOne("SELECT body FROM billing_run WHERE committee = ? AND run = ?",
                                                [reference.committee, Int64(reference.run)]) else {
            throw ServiceError.notFound("committee \(ServiceError.quote(reference.committee)) has no billing run \(reference.run)", field: "run")
        }
        return try ProtocolCoding.decode(BillingRun.self, from: try row.get(0, as: [UInt8].self), what: "stored billing run")
    }

    /// Every run of a committee (of one budget year), by number.
    func runs(committee: String, year: Int? = nil) throws -> [BillingRun] {
        let rows = try year.map {
            try connection.query("SELECT body FROM billing_run WHERE committee = ? AND year = ? ORDER BY run", [committee, Int64($0)])
        } ?? connection.query("SELECT body FROM billing_run WHERE committee = ? ORDER BY run", [committee])
        return try rows.map {
            try ProtocolCoding.decode(BillingRun.self, from: try $0.get(0, as: [UInt8].self), what: "stored billing run")
        }
    }

    /// The next run number of a committee.
    func nextRunNumber(committee: String) throws -> Int {
        let row = try connection.queryOne("SELECT MAX(run) FROM billing_run WHERE committee = ?", [committee])
        return Int(try row?.get(0, as: Int64?.self) ?? 0) + 1
    }

    /// Stores a new run.
    func insert(_ run: BillingRun, at now: Timestamp) throws {
        try connection.execute("INSERT INTO billing_run (committee, run, year, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               [run.committee, Int64(run.run), Int64(run.year), run.status.rawValue,
                                try ProtocolCoding.encode(run), now.microsecondsSince1970])
    }

    /// Replaces a stored run (its status moved).
    func replace(_ run: BillingRun) throws {
        try connection.execute("UPDATE billing_run SET status = ?, body = ? WHERE committee = ? AND run = ?",
                               [run.status.rawValue, try ProtocolCoding.encode(run), run.committee, Int64(run.run)])
    }

    // MARK: Numbers

    /// The committee's prefix on `bankgiro`, assigned now (the next free one on that bankgiro)
    /// if the committee has never issued on it.
    func prefix(bankgiro: String, committee: String, at now: Timestamp) throws -> Int {
        if let row = try connection.queryOne("SELECT prefix FROM bankgiro_prefix WHERE bankgiro = ? AND committee = ?",
                                             [bankgiro, committee]) {
            return Int(try row.get(0, as: Int64.self))
        }
        let last = try connection.queryOne("SELECT MAX(prefix) FROM bankgiro_prefix WHERE bankgiro = ?", [bankgiro])
        let prefix = Int(try last?.get(0, as: Int64?.self) ?? 0) + 1
        guard prefix <= BillingRules.maximumPrefix else {
            throw ServiceError.conflict("bankgiro \(bankgiro) already serves \(BillingRules.maximumPrefix) committees; their invoice numbers would no longer be unique", field: "bankgiro")
        }
        try connection.execute("INSERT INTO bankgiro_prefix (bankgiro, committee, prefix, created_at) VALUES (?, ?, ?, ?)",
                               [bankgiro, committee, Int64(prefix), now.microsecondsSince1970])
        return prefix
    }

    /// Reserves `count` consecutive serials of the committee's series for `year` and returns the
    /// first. Inside the issuing transaction, so a rollback returns them: the series has no gaps.
    func reserveSerials(committee: String, year: Int, count: Int) throws -> Int {
        let row = try connection.queryOne("SELECT next_serial FROM invoice_series WHERE committee = ? AND year = ?",
                                          [committee, Int64(year)])
        let first = Int(try row?.get(0, as: Int64.self) ?? 1)
        guard first + count - 1 <= BillingRules.maximumSerial else {
            throw ServiceError.conflict("the invoice series \(year) of committee \(ServiceError.quote(committee)) would pass \(BillingRules.maximumSerial) numbers", field: "run")
        }
        try connection.execute("""
            INSERT INTO invoice_series (committee, year, next_serial) VALUES (?, ?, ?)
            ON CONFLICT (committee, year) DO UPDATE SET next_serial = excluded.next_serial
            """, [committee, Int64(year), Int64(first + count)])
        return first
    }

    // MARK: Invoices

    /// Stores an issued invoice or credit note with its serial.
    func insert(_ invoice: Invoice, seriesYear: Int, serial: Int, at now: Timestamp) throws {
        guard let number = invoice.number else { preconditionFailure("an invoice is stored only once it has a number") }
        try connection.execute("""
            INSERT INTO invoice (committee, number, series_year, serial, kind, run, party, scope, bankgiro, reference, credits,
                                 total, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [invoice.committee, number, Int64(seriesYear), Int64(serial), invoice.kind.rawValue, Int64(invoice.run),
                  invoice.recipient.party, invoice.scope.rawValue, invoice.issuer.bankgiro, invoice.paymentReference,
                  invoice.credits, invoice.total.ore, try ProtocolCoding.encode(invoice), now.microsecondsSince1970])
    }

    /// The invoice `reference` names, or `not_found`.
    func invoice(_ reference: InvoiceRef) throws -> Invoice {
        guard let row = try connection.queryOne("SELECT body FROM invoice WHERE committee = ? AND number = ?",
                                                [reference.committee, reference.number]) else {
            throw ServiceError.notFound("committee \(ServiceError.quote(reference.committee)) has no invoice \(ServiceError.quote(reference.number))", field: "number")
        }
        return try decodeInvoice(row)
    }

    /// The invoice with OCR reference `reference` on `bankgiro`, or nil.
    func invoice(bankgiro: String, reference: String) throws -> Invoice? {
        try connection.queryOne("SELECT body FROM invoice WHERE bankgiro = ? AND reference = ?", [bankgiro, reference])
            .map(decodeInvoice)
    }

    /// The invoices and credit notes of a committee by series year and serial, filtered.
    func invoices(committee: String, run: Int? = nil, party: String? = nil) throws -> [Invoice] {
        var sql = "SELECT body FROM invoice WHERE committee = ?"
        var arguments: [any DatabaseValueConvertible] = [committee]
        if let run {
            sql += " AND run = ?"
            arguments.append(Int64(run))
        }
        if let party {
            sql += " AND party = ?"
            arguments.append(party)
        }
        return try connection.query(sql + " ORDER BY series_year, serial", arguments).map(decodeInvoice)
    }

    /// The credit note of invoice `number`, if it has one.
    func creditNote(of number: String, committee: String) throws -> Invoice? {
        try connection.queryOne("SELECT body FROM invoice WHERE committee = ? AND credits = ?", [committee, number]).map(decodeInvoice)
    }

    /// The numbers of the committee's credited invoices.
    func creditedNumbers(committee: String) throws -> Set<String> {
        Set(try connection.query("SELECT credits FROM invoice WHERE committee = ? AND credits IS NOT NULL", [committee]).map {
            try $0.get(0, as: String.self)
        })
    }

    private func decodeInvoice(_ row: Row) throws -> Invoice {
        try ProtocolCoding.decode(Invoice.self, from: try row.get(0, as: [UInt8].self), what: "stored invoice")
    }

    // MARK: Payments

    /// Stores a payment as the committee's next and returns it with its id.
    func insert(_ payment: Payment, at now: Timestamp) throws -> Payment {
        let last = try connection.queryOne("SELECT MAX(id) FROM payment WHERE committee = ?", [payment.committee])
        var stored = payment
        stored.id = Int(try last?.get(0, as: Int64?.self) ?? 0) + 1
        try connection.execute("INSERT INTO payment (committee, id, invoice, body, created_at) VALUES (?, ?, ?, ?, ?)",
                               [stored.committee, Int64(stored.id), stored.invoice, try ProtocolCoding.encode(stored),
                                now.microsecondsSince1970])
        return stored
    }

    /// The payments of a committee (of one invoice), in the order they were recorded.
    func payments(committee: String, invoice: String? = nil) throws -> [Payment] {
        let rows = try invoice.map {
            try connection.query("SELECT body FROM payment WHERE committee = ? AND invoice = ? ORDER BY id", [committee, $0])
        } ?? connection.query("SELECT body FROM payment WHERE committee = ? ORDER BY id", [committee])
        return try rows.map { try ProtocolCoding.decode(Payment.self, from: try $0.get(0, as: [UInt8].self), what: "stored payment") }
    }
}
