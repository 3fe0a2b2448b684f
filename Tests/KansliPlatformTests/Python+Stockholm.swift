import KansliTestSupport

extension Python {
    /// Whether python3 has `zoneinfo` with Europe/Stockholm (Python 3.9+ and the system tzdata).
    static let hasStockholmZone: Bool = {
        guard executablePath != nil else { return false }
        return (try? run("import zoneinfo; zoneinfo.ZoneInfo('Europe/Stockholm'); print('ok')", input: [])) == Array("ok\n".utf8)
    }()
}
