import FinanceAPI
import KansliProtocol

extension AllocationEngine {
    /// The longest period a pro-rata line may cover (ten years of days), a bound on the work.
    static let maximumPeriodDays = 3_660

    /// Pro rata by days connected: the period splits into runs of days with the same connected
    /// parties; each run's part of the amount (its days / the period's days) is split among those
    /// parties equally or by the key. All over one common denominator, exactly: days × the least
    /// common multiple of the runs' key totals. When that exceeds 2⁶³ (many runs split by large
    /// keys) the line is refused rather than rounded inexactly; split equally among the connected,
    /// the denominator stays small (the lcm of a few party counts).
    static func daysConnectedWeights(_ line: BudgetLine, participants: [PartyFacts], context: AllocationContext,
                                     inputs: AllocationInputs) throws -> (Weights, AllocationInputs) {
        var inputs = inputs
        let period = line.model.period ?? Period.year(context.year)
        let days = period.days
        guard days > 0, days <= maximumPeriodDays else {
            throw AllocationRefusal.refuse(line, "the period \(period) must have between 1 and \(maximumPeriodDays) days", field: "model.period")
        }
        inputs.period = period
        // Each participant's connected span, clipped to the period (nil: never connected in it).
        var spans: [(from: CalendarDate, to: CalendarDate)?] = []
        if let connections = line.model.connections {
            var seen = Set<String>()
            let codes = Set(participants.map(\.code))
            for connection in connections {
                var who: String { AllocationRefusal.label(party: connection.party, in: context.parties) }
                guard seen.insert(connection.party).inserted else {
                    throw AllocationRefusal.refuse(line, "\(who) has two connection periods", field: "model.connections")
                }
                guard codes.contains(connection.party) else {
                    throw AllocationRefusal.refuse(line, "\(who) has a connection period but does not take part in the line", field: "model.connections")
                }
                if let to = connection.to, to < connection.from {
                    throw AllocationRefusal.refuse(line, "\(who) is connected from \(connection.from) to \(to), which ends before it begins", field: "model.connections")
                }
            }
            let byParty = Dictionary(connections.map { ($0.party, $0) }, uniquingKeysWith: { first, _ in first })
            spans = participants.map { party in
                byParty[party.code].flatMap { clip(from: $0.from, to: $0.to, to: period) }
            }
        } else {
            spans = participants.map { clip(from: $0.joinedOn, to: $0.leftOn, to: period) }
        }
        var keyed: [Int128] = participants.map { _ in 1 }
        if line.model.key != nil {
            let (values, figures) = try keyValues(line, participants: participants, context: context)
            keyed = values
            inputs.keys = figures
        }
        // The days on which the connected set may change.
        var starts = Set<Int>([period.from.daysSinceEpoch])
        for span in spans.compactMap({ $0 }) {
            starts.insert(span.from.daysSinceEpoch)
            if span.to < period.to { starts.insert(span.to.daysSinceEpoch + 1) }
        }
        let boundaries = starts.sorted() + [period.to.daysSinceEpoch + 1]
        var runs: [(days: Int128, members: [Int], total: Int128)] = []
        for (start, end) in zip(boundaries, boundaries.dropFirst()) {
            let members = spans.indices.filter { index in
                guard let span = spans[index] else { return false }
                return span.from.daysSinceEpoch <= start && span.to.daysSinceEpoch >= start
            }
            guard !members.isEmpty else {
                let first = CalendarDate(daysSinceEpoch: start), last = CalendarDate(daysSinceEpoch: end - 1)
                throw AllocationRefusal.refuse(line, "no participating party is connected from \(first) to \(last), so no one would pay for those days", field: "model.connections")
            }
            runs.append((Int128(end - start), members, members.reduce(0) { $0 + keyed[$1] }))
        }
        // The common denominator: days × lcm of the runs' totals.
        var common: Int128 = 1
        for run in runs {
            let divisor = Weights.gcd(common, run.total)
            let (product, overflow) = (common / divisor).multipliedReportingOverflow(by: run.total)
            guard !overflow, product <= Int128(Int64.max) else {
                throw AllocationRefusal.refuse(line, "the connection periods make too many distinct groups to share exactly", field: "model.connections")
            }
            common = product
        }
        var numerators = [Int128](repeating: 0, count: participants.count)
        var connectedDays = [Int](repeating: 0, count: participants.count)
        for run in runs {
            for member in run.members {
                numerators[member] += run.days * keyed[member] * (common / run.total)
                connectedDays[member] += Int(run.days)
            }
        }
        let split = line.model.key.map { "by \($0) among those connected" } ?? "equally among those connected"
        let descriptions = participants.indices.map { "connected \(connectedDays[$0]) of \(days) days, \(split)" }
        return (Weights(numerators: numerators, denominator: Int128(days) * common, descriptions: descriptions), inputs)
    }

    /// The part of `from…to` inside `period`, or nil when they do not meet.
    static func clip(from: CalendarDate, to: CalendarDate?, to period: Period) -> (from: CalendarDate, to: CalendarDate)? {
        let start = max(from, period.from)
        let end = min(to ?? period.to, period.to)
        return start <= end ? (start, end) : nil
    }
}
