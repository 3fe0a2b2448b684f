/// Request counters and a window of recent latencies, kept by `ServiceHost`.
struct RequestMetrics {
    /// Latencies kept for percentiles: the most recent this many requests.
    static let window = 8192

    var requests = 0
    var errors = 0
    var replayedWrites = 0
    var byMethod: [String: Int] = [:]
    private var latencies: [Double] = []
    private var next = 0

    mutating func record(method: String, microseconds: Double, failed: Bool, replayed: Bool) {
        requests += 1
        if failed { errors += 1 }
        if replayed { replayedWrites += 1 }
        byMethod[method, default: 0] += 1
        if latencies.count < RequestMetrics.window {
            latencies.append(microseconds)
        } else {
            latencies[next] = microseconds
            next = (next + 1) % RequestMetrics.window
        }
    }

    /// The `fraction` percentile (0…1) of the window, by nearest rank; 0 when empty.
    func percentile(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
