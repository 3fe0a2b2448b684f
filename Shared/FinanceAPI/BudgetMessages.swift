import KansliProtocol

// Messages of the finance.budget.* methods.

/// Names one budget: a committee and year, and a version (the latest when nil).
public struct BudgetRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The budget year.
    public var year: Int
    /// The version; the latest when nil.
    public var version: Int?

    /// A reference.
    public init(committee: String, year: Int, version: Int? = nil) {
        self.committee = committee
        self.year = year
        self.version = version
    }
}

/// `finance.budget.create`: a new draft, version 1, for a year that has no budget yet.
public struct BudgetCreate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The budget year.
    public var year: Int
    /// The lines.
    public var lines: [BudgetLine]
    /// A note (what the source does not give).
    public var note: String?

    /// A request.
    public init(committee: String, year: Int, lines: [BudgetLine], note: String? = nil) {
        self.committee = committee
        self.year = year
        self.lines = lines
        self.note = note
    }
}

/// `finance.budget.update`: replaces the lines of the latest version while it is a draft.
public struct BudgetUpdate: Codable, Sendable, Equatable {
    /// The budget (its version must be the latest and a draft).
    public var budget: BudgetRef
    /// The new lines.
    public var lines: [BudgetLine]

    /// A request.
    public init(budget: BudgetRef, lines: [BudgetLine]) {
        self.budget = budget
        self.lines = lines
    }
}

/// `finance.budget.adopt`: records the paragraph that adopted the latest draft; the budget is
/// then adopted pending justering (or adopted, when `justeratOn` is given).
public struct BudgetAdopt: Codable, Sendable, Equatable {
    /// The budget.
    public var budget: BudgetRef
    /// Where it was adopted.
    public var adoption: Adoption

    /// A request.
    public init(budget: BudgetRef, adoption: Adoption) {
        self.budget = budget
        self.adoption = adoption
    }
}

/// `finance.budget.justera`: records that the adopting paragraph's protocol is justerat.
public struct BudgetJustering: Codable, Sendable, Equatable {
    /// The budget.
    public var budget: BudgetRef
    /// The day the protocol was justerat.
    public var justeratOn: CalendarDate

    /// A request.
    public init(budget: BudgetRef, justeratOn: CalendarDate) {
        self.budget = budget
        self.justeratOn = justeratOn
    }
}

/// `finance.budget.revise`: a new version of an adopted budget, as a draft, with a reason; the
/// version before stays readable.
public struct BudgetRevise: Codable, Sendable, Equatable {
    /// The budget.
    public var budget: BudgetRef
    /// The lines of the new version.
    public var lines: [BudgetLine]
    /// Why.
    public var reason: String

    /// A request.
    public init(budget: BudgetRef, lines: [BudgetLine], reason: String) {
        self.budget = budget
        self.lines = lines
        self.reason = reason
    }
}

/// `finance.budget.index`: next year's draft from an adopted budget, every line indexed as it
/// says (its total, or each party's share before rounding).
public struct BudgetIndex: Codable, Sendable, Equatable {
    /// The budget indexed from.
    public var budget: BudgetRef
    /// The indexation.
    public var indexation: Indexation

    /// A request.
    public init(budget: BudgetRef, indexation: Indexation) {
        self.budget = budget
        self.indexation = indexation
    }
}

/// `finance.budget.list`: every budget version of a committee.
public struct BudgetListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String

    /// A request.
    public init(committee: String) {
        self.committee = committee
    }
}
