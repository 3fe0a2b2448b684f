import DocumentsAPI

extension Attendee {
    /// Whether they were in the room at paragraph `number`: attending, arrived by then, not yet
    /// gone, and not out for jäv.
    func isPresent(at number: Int) -> Bool {
        attends && (from.map { number >= $0 } ?? true) && (through.map { number <= $0 } ?? true)
            && !recusals.contains(number)
    }

    /// Whether they took part in the decision at paragraph `number`: a present ledamot, or a
    /// present ersättare serving for someone then.
    func serves(at number: Int) -> Bool {
        guard isPresent(at: number) else { return false }
        return kind == .ledamot || serving.contains { $0.covers(number) }
    }

    /// `Isak Utsi (S)`.
    var displayName: String { "\(name) (\(politicalParty))" }
}

extension ServiceSpan {
    /// Whether the span includes paragraph `number`.
    func covers(_ number: Int) -> Bool {
        (from.map { number >= $0 } ?? true) && (through.map { number <= $0 } ?? true)
    }
}

extension Attendance {
    /// The members serving at paragraph `number`, in the registry's order.
    func serving(at number: Int) -> [Attendee] { members.filter { $0.serves(at: number) } }

    /// The fewest serving members that make a quorum: more than half of the seats.
    var quorumNeeded: Int { seats / 2 + 1 }

    /// Quorum at paragraph `number`.
    func quorum(at number: Int) -> Quorum {
        Quorum(serving: serving(at: number).count, seats: seats, needed: quorumNeeded)
    }

    /// The member with id `person`, if any.
    func member(_ person: String) -> Attendee? { members.first { $0.person == person } }
}
