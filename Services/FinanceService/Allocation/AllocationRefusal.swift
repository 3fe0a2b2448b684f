import FinanceAPI
import KansliProtocol

/// The engine's refusals: each a `validation` error whose message names the line and, where one
/// is at fault, the party, and whose field says where in the line the fault is.
enum AllocationRefusal {
    /// `line 'Grundfinansiering' (GRUND)`.
    static func label(_ line: BudgetLine) -> String {
        "line \(ServiceError.quote(line.name)) (object code \(ServiceError.quote(line.objectCode)))"
    }

    /// `Övertorneå kommun (overtornea)`, or the bare (quoted) code of a party the registry does not know.
    static func label(party code: String, in parties: [PartyFacts]) -> String {
        if let party = parties.first(where: { $0.code == code }) { return "\(party.name) (\(party.code))" }
        return ServiceError.quote(code)
    }

    static func refuse(_ line: BudgetLine, _ message: String, field: String) -> ServiceError {
        .validation("\(label(line)): \(message)", field: "lines.\(line.objectCode).\(field)")
    }
}
