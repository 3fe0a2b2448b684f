/// The VAT treatment of a budget line. Amounts are always net; the rate says what an invoice adds.
public enum VATRate: String, Codable, Sendable, CaseIterable {
    /// 25 %, the standard rate.
    case standard = "25"
    /// 6 %.
    case reduced6 = "6"
    /// 0 %: taxable but zero-rated (a reason is required).
    case zero = "0"
    /// Outside the scope of VAT (*utanför momsens tillämpningsområde*), e.g. cost sharing between
    /// municipalities under the cooperation agreement (a reason is required).
    case outsideScope = "outside"

    /// The rate in percent (0 for outside the scope).
    public var percent: Int64 {
        switch self {
        case .standard: 25
        case .reduced6: 6
        case .zero, .outsideScope: 0
        }
    }
}
