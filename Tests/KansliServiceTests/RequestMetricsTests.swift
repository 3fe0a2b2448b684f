import Testing
@testable import KansliService

@Suite("Request metrics")
struct RequestMetricsTests {
    @Test("percentiles are nearest-rank over the window")
    func percentiles() {
        var metrics = RequestMetrics()
        for value in 1...100 { metrics.record(method: "m", microseconds: Double(value), failed: value > 95, replayed: false) }
        #expect(metrics.percentile(0.5) == 50)
        #expect(metrics.percentile(0.99) == 99)
        #expect(metrics.errors == 5)
        #expect(metrics.byMethod["m"] == 100)
    }

    @Test("the window keeps only the most recent latencies")
    func window() {
        var metrics = RequestMetrics()
        for _ in 0..<RequestMetrics.window { metrics.record(method: "m", microseconds: 1_000, failed: false, replayed: false) }
        for _ in 0..<RequestMetrics.window { metrics.record(method: "m", microseconds: 1, failed: false, replayed: false) }
        #expect(metrics.percentile(0.99) == 1)
    }
}
