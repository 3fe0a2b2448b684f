import KansliProtocol
import Testing

@testable import RegistryAPI

@Suite("DateSpan")
struct DateSpanTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("Both ends are included; an open end runs on")
    func containsIncludesBothEnds() {
        let term = DateSpan(from: date("2019-01-01"), to: date("2022-12-31"))
        #expect(term.contains(date("2019-01-01")))
        #expect(term.contains(date("2022-12-31")))
        #expect(!term.contains(date("2023-01-01")))
        #expect(DateSpan(from: date("2022-01-01"), to: nil).contains(date("2099-01-01")))
    }

    @Test("Spans sharing one day overlap; adjacent spans do not")
    func overlapIsInclusive() {
        let first = DateSpan(from: date("2019-01-01"), to: date("2022-12-31"))
        #expect(first.overlaps(DateSpan(from: date("2022-12-31"), to: date("2026-12-31"))))
        #expect(!first.overlaps(DateSpan(from: date("2023-01-01"), to: date("2026-12-31"))))
        #expect(first.overlaps(DateSpan(from: date("2010-01-01"), to: nil)))
        #expect(DateSpan(from: date("2020-01-01"), to: nil).overlaps(DateSpan(from: date("2010-01-01"), to: nil)))
    }

    @Test("Covers: every day of the other span lies inside")
    func coversChecksBothEnds() {
        let membership = DateSpan(from: date("2014-01-01"), to: nil)
        #expect(membership.covers(DateSpan(from: date("2019-01-01"), to: date("2022-12-31"))))
        #expect(!membership.covers(DateSpan(from: date("2013-12-31"), to: date("2022-12-31"))))
        let closed = DateSpan(from: date("2014-01-01"), to: date("2021-12-31"))
        #expect(!closed.covers(DateSpan(from: date("2019-01-01"), to: date("2022-12-31"))))
        #expect(!closed.covers(DateSpan(from: date("2019-01-01"), to: nil)))
        #expect(closed.description == "2014-01-01–2021-12-31")
    }
}
