/// One line of a budget: what it is (object code, name), how much (net of VAT), its VAT
/// treatment, who takes part and how it is divided among them.
public struct BudgetLine: Hashable, Sendable, Codable {
    /// The object code (*objektkod*), unique in the budget and direction.
    public var objectCode: String
    /// The line's name as the budget gives it (`Grundfinansiering`).
    public var name: String
    /// Income or cost.
    public var direction: LineDirection
    /// The amount, net of VAT, at least 0.
    public var amount: Money
    /// VAT.
    public var vat: VATTreatment
    /// The unit the shares are rounded to (1 kr, 100 kr …); the amount must be a multiple of it.
    public var unit: Money
    /// The parties that take part (codes); nil for every party that is a member in the year.
    public var participants: [String]?
    /// How the amount is divided.
    public var model: AllocationModel
    /// What an indexation to next year applies to.
    public var indexation: IndexationBase
    /// Whether the line is allocated to the parties (income lines are; cost lines usually not).
    public var allocated: Bool
    /// Anything a reader should know (where a figure comes from, what the seed does not give).
    public var note: String?
    /// The year whose result this line carries (`finance.year.close` sets it): a deficit is an
    /// income line, a surplus a cost line that billing deducts from the parties' invoices. Such a
    /// line is not indexed into the year after.
    public var carriedFrom: Int?

    /// A line.
    public init(objectCode: String, name: String, direction: LineDirection = .income, amount: Money,
                vat: VATTreatment = VATTreatment(rate: .outsideScope, reason: "cost sharing between the parties under the cooperation agreement"),
                unit: Money = Money(kronor: 100), participants: [String]? = nil, model: AllocationModel,
                indexation: IndexationBase = .total, allocated: Bool = true, note: String? = nil, carriedFrom: Int? = nil) {
        self.objectCode = objectCode
        self.name = name
        self.direction = direction
        self.amount = amount
        self.vat = vat
        self.unit = unit
        self.participants = participants
        self.model = model
        self.indexation = indexation
        self.allocated = allocated
        self.note = note
        self.carriedFrom = carriedFrom
    }
}
