import KansliProtocol

/// Every method `kansli-finance` answers beyond the common ones, with its stable id
/// (0x0200…0x02FF), dotted name and the roles it admits. Once published an id never changes
/// meaning. 0x0200 budgets, 0x0210 allocations; 0x0220… is kept for invoicing (finance, part 2).
public enum FinanceMethods {
    // MARK: Budgets 0x0200

    /// A new draft budget (version 1).
    public static let budgetCreate = Method<BudgetCreate, Budget>(
        id: 0x0200, name: "finance.budget.create", access: .write, roles: .writers)
    /// Replaces the lines of a draft.
    public static let budgetUpdate = Method<BudgetUpdate, Budget>(
        id: 0x0201, name: "finance.budget.update", access: .write, roles: .writers)
    /// Records the adopting paragraph.
    public static let budgetAdopt = Method<BudgetAdopt, Budget>(
        id: 0x0202, name: "finance.budget.adopt", access: .write, roles: .writers)
    /// Records that the adopting protocol is justerat.
    public static let budgetJustera = Method<BudgetJustering, Budget>(
        id: 0x0203, name: "finance.budget.justera", access: .write, roles: .writers)
    /// Closes an adopted budget's year.
    public static let budgetClose = Method<BudgetRef, Budget>(
        id: 0x0204, name: "finance.budget.close", access: .write, roles: .writers)
    /// A new version of an adopted budget, with a reason.
    public static let budgetRevise = Method<BudgetRevise, Budget>(
        id: 0x0205, name: "finance.budget.revise", access: .write, roles: .writers)
    /// Next year's draft by indexation.
    public static let budgetIndex = Method<BudgetIndex, Budget>(
        id: 0x0206, name: "finance.budget.index", access: .write, roles: .writers)
    /// One budget version.
    public static let budgetGet = Method<BudgetRef, Budget>(
        id: 0x0207, name: "finance.budget.get", access: .read, roles: .readers)
    /// Every budget version of a committee.
    public static let budgetList = Method<BudgetListRequest, [BudgetSummary]>(
        id: 0x0208, name: "finance.budget.list", access: .read, roles: .readers)

    // MARK: Allocations 0x0210

    /// Allocates a budget version with the registry's current parties and keys, storing nothing.
    public static let allocationPreview = Method<BudgetRef, BudgetAllocation>(
        id: 0x0210, name: "finance.allocation.preview", access: .read, roles: .readers)
    /// Allocates a budget version and stores the result with its inputs.
    public static let allocationRun = Method<BudgetRef, BudgetAllocation>(
        id: 0x0211, name: "finance.allocation.run", access: .write, roles: .writers)
    /// The latest stored allocation of a budget version.
    public static let allocationGet = Method<BudgetRef, BudgetAllocation>(
        id: 0x0212, name: "finance.allocation.get", access: .read, roles: .readers)

    /// Every finance method, for the method table in docs/PROTOCOL.md and its test.
    public static let all: [MethodSummary] = [
        .init(budgetCreate), .init(budgetUpdate), .init(budgetAdopt), .init(budgetJustera), .init(budgetClose),
        .init(budgetRevise), .init(budgetIndex), .init(budgetGet), .init(budgetList),
        .init(allocationPreview), .init(allocationRun), .init(allocationGet),
    ]
}
