/// One line divided among its parties: the shares, which sum exactly to the amount, the words
/// that explain them, and the inputs they were computed from.
public struct LineAllocation: Hashable, Sendable, Codable {
    /// The line's object code.
    public var objectCode: String
    /// The line's name.
    public var name: String
    /// The amount divided.
    public var amount: Money
    /// The rounding unit.
    public var unit: Money
    /// The model.
    public var model: AllocationModel
    /// One share per participating party, in ascending organisationsnummer.
    public var shares: [PartyShare]
    /// How the shares came about, in sentences (the rounding, who got the remainder and why).
    public var explanation: [String]
    /// What was read.
    public var inputs: AllocationInputs

    /// An allocation.
    public init(objectCode: String, name: String, amount: Money, unit: Money, model: AllocationModel,
                shares: [PartyShare], explanation: [String], inputs: AllocationInputs) {
        self.objectCode = objectCode
        self.name = name
        self.amount = amount
        self.unit = unit
        self.model = model
        self.shares = shares
        self.explanation = explanation
        self.inputs = inputs
    }

    /// The share of `party`, if it takes part.
    public func share(of party: String) -> PartyShare? { shares.first { $0.party == party } }
}
