/// How VAT applies to a line: its rate and, for 0 % or outside the scope, the reason.
public struct VATTreatment: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The rate.
    public var rate: VATRate
    /// Why no VAT is charged (required for `zero` and `outsideScope`).
    public var reason: String?

    /// A treatment.
    public init(rate: VATRate, reason: String? = nil) {
        self.rate = rate
        self.reason = reason
    }

    /// Whether a required reason is present.
    public var isComplete: Bool {
        switch rate {
        case .standard, .reduced6: true
        case .zero, .outsideScope: !(reason ?? "").isEmpty
        }
    }

    /// `25 %`, or `outside the scope of VAT (reason)`.
    public var description: String {
        switch rate {
        case .standard, .reduced6: "\(rate.percent) %"
        case .zero: "0 % (\(reason ?? "no reason given"))"
        case .outsideScope: "outside the scope of VAT (\(reason ?? "no reason given"))"
        }
    }
}
