import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliService

extension FinanceHandlers {
    /// What a billing draft's preparation hands to its application.
    struct PreparedBilling: Sendable {
        var request: BillingDraft
        var facts: BillingFacts
    }

    /// Fetches the committee's name and parties with their invoicing details.
    static func prepareBillingDraft(_ request: BillingDraft, _ context: PrepareContext) throws -> PreparedBilling {
        try BudgetRules.check(committee: request.budget.committee)
        return PreparedBilling(request: request, facts: try BillingFacts.fetch(committee: request.budget.committee, from: context.peers))
    }

    static func billingDraft(_ prepared: PreparedBilling, _ context: HandlerContext) throws -> BillingRun {
        let request = prepared.request
        let budgets = BudgetStore(connection: context.connection)
        let budget = try budgets.budget(request.budget)
        try requireLatest(budget, store: budgets)
        guard budget.status == .adopted else {
            throw ServiceError.conflict("budget \(name(budget)) is \(budget.status.rawValue); only an adopted budget (its protocol justerat) is billed", field: "budget")
        }
        guard let allocation = try budgets.latestAllocation(of: budget) else {
            throw ServiceError.conflict("budget \(name(budget)) has no stored allocation; run finance.allocation.run first", field: "budget")
        }
        let store = BillingStore(connection: context.connection)
        let number = try store.nextRunNumber(committee: budget.committee)
        let period = request.period ?? Period.year(budget.year)
        let billed = try billedShares(committee: budget.committee, year: budget.year, period: period, store: store)
        let draft = try BillingRules.draft(request, budget: budget, allocation: allocation, facts: prepared.facts, run: number,
                                           billed: billed)
        let run = BillingRun(committee: budget.committee, run: number, year: budget.year, budgetVersion: budget.version,
                             allocationRun: allocation.run, lines: draft.lines, period: draft.period, dueDays: draft.dueDays,
                             draftedBy: context.keyID, draftedAt: context.now.iso8601(.milliseconds), note: request.note,
                             invoices: draft.invoices, hostShares: draft.hostShares, alreadyBilled: draft.alreadyBilled,
                             total: draft.invoices.reduce(.zero) { $0 + $1.total })
        try store.insert(run, at: context.now)
        try context.audit(action: "draft", entity: "billing-run", entityID: name(run),
                          summary: "\(run.invoices.count) invoices, \(run.total) from \(name(budget)) run \(allocation.run)")
        return run
    }

    static func billingApprove(_ request: BillingApprove, _ context: HandlerContext) throws -> BillingRunSummary {
        let store = BillingStore(connection: context.connection)
        var run = try store.run(request.run)
        if run.status == .approved, run.approvedBy == context.keyID { return BillingRunSummary(run) }
        guard run.status == .draft else {
            throw ServiceError.conflict("billing run \(name(run)) is \(run.status.rawValue); only a draft is approved", field: "run")
        }
        guard context.keyID != run.draftedBy else {
            throw ServiceError.conflict("billing run \(name(run)) was drafted with key \(ServiceError.quote(run.draftedBy)); a second person, with another key, must approve (attestera) it", field: "run")
        }
        guard request.total == run.total else {
            throw ServiceError.conflict("billing run \(name(run)) totals \(run.total), not the \(request.total) reviewed; review it again", field: "total")
        }
        run.status = .approved
        run.approvedBy = context.keyID
        run.approvedAt = context.now.iso8601(.milliseconds)
        try store.replace(run)
        try context.audit(action: "approve", entity: "billing-run", entityID: name(run), summary: "approved, \(run.total)")
        return BillingRunSummary(run)
    }

    /// Issues every invoice of an approved run in this one transaction: the serials are reserved,
    /// the invoices inserted and the run marked issued together, so a crash leaves either all of
    /// it or none of it, and issuing an issued run again returns it unchanged. It answers the
    /// run's summary: the invoices are read with `finance.billing.get`.
    static func billingIssue(_ request: BillingRunRef, _ context: HandlerContext) throws -> BillingRunSummary {
        let store = BillingStore(connection: context.connection)
        var run = try store.run(request)
        switch run.status {
        case .issued: return BillingRunSummary(run)
        case .draft:
            throw ServiceError.conflict("billing run \(name(run)) is not approved yet; a second person approves it with finance.billing.approve", field: "run")
        case .cancelled:
            throw ServiceError.conflict("billing run \(name(run)) is cancelled", field: "run")
        case .approved: break
        }
        let today = CalendarDate.today(at: context.now)
        if let bankgiro = run.invoices.first?.issuer.bankgiro {
            let prefix = try store.prefix(bankgiro: bankgiro, committee: run.committee, at: context.now)
            let first = try store.reserveSerials(committee: run.committee, year: today.year, count: run.invoices.count)
            for index in run.invoices.indices {
                let serial = first + index
                let number = BillingRules.invoiceNumber(prefix: prefix, year: today.year, serial: serial)
                run.invoices[index].number = number
                run.invoices[index].invoiceDate = today
                run.invoices[index].dueDate = today.adding(days: run.dueDays)
                run.invoices[index].paymentReference = OCRReference.make(from: number)
                try store.insert(run.invoices[index], seriesYear: today.year, serial: serial, at: context.now)
            }
        }
        run.status = .issued
        run.issuedBy = context.keyID
        run.issuedAt = context.now.iso8601(.milliseconds)
        try store.replace(run)
        let numbers = run.invoices.compactMap(\.number)
        try context.audit(action: "issue", entity: "billing-run", entityID: name(run),
                          summary: numbers.isEmpty ? "no invoices" : "invoices \(numbers.first!)–\(numbers.last!), \(run.total)")
        return BillingRunSummary(run)
    }

    static func billingCancel(_ request: BillingRunRef, _ context: HandlerContext) throws -> BillingRunSummary {
        let store = BillingStore(connection: context.connection)
        var run = try store.run(request)
        switch run.status {
        case .cancelled: return BillingRunSummary(run)
        case .issued:
            throw ServiceError.conflict("billing run \(name(run)) is issued and never changes; credit its invoices with finance.invoice.credit", field: "run")
        case .draft, .approved: break
        }
        run.status = .cancelled
        run.cancelledAt = context.now.iso8601(.milliseconds)
        try store.replace(run)
        try context.audit(action: "cancel", entity: "billing-run", entityID: name(run), summary: "cancelled")
        return BillingRunSummary(run)
    }

    static func billingGet(_ request: BillingRunRef, _ context: HandlerContext) throws -> BillingRun {
        try BillingStore(connection: context.connection).run(request)
    }

    static func billingList(_ request: BillingListRequest, _ context: HandlerContext) throws -> [BillingRunSummary] {
        try BillingStore(connection: context.connection).runs(committee: request.committee).map(BillingRunSummary.init)
    }

    static func billingExport(_ request: BillingRunRef, _ context: HandlerContext) throws -> RenderedDocument {
        RunCSV.document(try BillingStore(connection: context.connection).run(request))
    }

    /// The shares that runs other than cancelled ones bill for a period overlapping `period`,
    /// except those whose invoice has been credited.
    static func billedShares(committee: String, year: Int, period: Period,
                             store: BillingStore) throws -> [BillingRules.BilledKey: String] {
        let credited = try store.creditedNumbers(committee: committee)
        var billed: [BillingRules.BilledKey: String] = [:]
        for run in try store.runs(committee: committee, year: year)
        where run.status != .cancelled && BillingRules.overlap(run.period, period) {
            for invoice in run.invoices {
                if let number = invoice.number, credited.contains(number) { continue }
                let by = invoice.number.map { "invoice \($0) (run \(run.run))" } ?? "run \(run.run) (\(run.status.rawValue))"
                for line in invoice.lines { billed[BillingRules.BilledKey(party: invoice.recipient.party, objectCode: line.objectCode)] = by }
            }
            // The host's shares are booked once too: a run that bills a line again after a
            // credit note does not list them a second time.
            for share in run.hostShares {
                billed[BillingRules.BilledKey(party: share.party, objectCode: share.objectCode)] = "booked internally by run \(run.run)"
            }
        }
        return billed
    }

    /// `NBE/3`, for audit lines and messages.
    static func name(_ run: BillingRun) -> String { "\(run.committee)/\(run.run)" }
}
