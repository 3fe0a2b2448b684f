import KansliArguments
import KansliPlatform
import KansliProtocol

/// `kansli health`, `kansli stats SERVICE`, `kansli audit SERVICE`: the methods every service answers.
enum CommonCommands {
    static let services = ["registry", "finance", "documents"]

    static var groups: [CommandGroup] {
        [
            CommandGroup(
                spec: CommandSpec("health", abstract: "Checks that the registry, finance and documents services answer, and reach the peers they call."),
                handlers: [["health"]: health]),
            CommandGroup(
                spec: CommandSpec("stats", abstract: "Shows a service's request and connection counters.",
                                  positionals: [PositionalSpec("service", help: "registry, finance or documents")]),
                handlers: [["stats"]: stats]),
            CommandGroup(
                spec: CommandSpec("audit", abstract: "Shows the newest entries of a service's audit trail.",
                                  options: [OptionSpec("limit", value: "count", .defaulted("20"), help: "How many entries (at most 1000)."),
                                            OptionSpec("entity", value: "kind", help: "Only entries about this kind of record.")],
                                  positionals: [PositionalSpec("service", help: "registry, finance or documents")]),
                handlers: [["audit"]: audit]),
            CommandGroup(
                spec: CommandSpec("clock", abstract: "Shows each service's clock, or moves simulated clocks forward (demos and tests).",
                                  discussion: """
                                      A service started with --simulated-clock (never in a deployment) runs on a clock
                                      that `--set` moves forward; it never moves back. Times are a date (2022-06-01,
                                      the start of the day), a Stockholm time (2022-06-28T09:30) or UTC as the
                                      services write it (2022-06-28T07:30:00.000Z).
                                      """,
                                  options: [OptionSpec("set", value: "time", help: "Move the clocks forward to this time."),
                                            OptionSpec("service", value: "name", help: "Only this service: registry, finance or documents.")]),
                handlers: [["clock"]: clock]),
            CommandGroup(
                spec: CommandSpec("admin", abstract: "Operations on a running service (an admin key).", subcommands: [
                    CommandSpec("backup", abstract: "Writes an online, consistent copy of a service's database into its data directory.",
                                discussion: """
                                    Uses SQLite's backup API while the service goes on taking writes, checks the copy
                                    with PRAGMA integrity_check, and prints where it is on the service's host:
                                    <data-dir>/backups/<service>-<UTC time>.sqlite. deploy/README.md says how to
                                    restore one.
                                    """,
                                positionals: [PositionalSpec("service", help: "registry, finance or documents")]),
                ]),
                handlers: [["admin", "backup"]: backup]),
        ]
    }

    static func backup(_ context: CLIContext) throws {
        let service = try serviceArgument(context)
        let result = try context.client(service).call(CommonMethods.backup, Empty())
        try context.show(result) {
            "Backed up \(service) to \($0.path): \($0.bytes) bytes, \($0.pages) pages, integrity \($0.integrity)."
        }
    }

    static func serviceArgument(_ context: CLIContext) throws -> String {
        let service = try context.command.positional(0)
        guard services.contains(service) else {
            throw ServiceError.validation("unknown service \"\(service)\"; expected registry, finance or documents", field: "service")
        }
        return service
    }

    static func health(_ context: CLIContext) throws {
        var results: [String: HealthStatus] = [:]
        var failures: [String: String] = [:]
        for service in services {
            do {
                results[service] = try context.client(service).call(CommonMethods.health, HealthRequest(peers: true))
            } catch {
                failures[service] = "\(error)"
            }
        }
        if context.json {
            struct Report: Encodable { let healthy: [String: HealthStatus]; let failing: [String: String] }
            try context.printJSON(Report(healthy: results, failing: failures))
        } else {
            var table = TextTable(["service", "status", "version", "schema", "uptime", "address"])
            for service in services {
                let address = (try? context.command.string(service)) ?? "?"
                if let health = results[service] {
                    table.add([service, health.status, health.version, String(health.schemaVersion),
                               "\(Int(health.uptimeSeconds)) s", address])
                } else {
                    table.add([service, "DOWN", "", "", "", address])
                }
            }
            context.output.line(table.render())
            let links = services.flatMap { service in (results[service]?.peers ?? []).map { (service, $0) } }
            if !links.isEmpty {
                var peers = TextTable(["service", "calls", "status", "address", "problem"])
                for (service, peer) in links {
                    peers.add([service, peer.service, peer.status, peer.address ?? "", peer.message ?? ""])
                }
                context.output.line("")
                context.output.line(peers.render())
            }
            for (service, failure) in failures.sorted(by: { $0.key < $1.key }) {
                context.output.error("\(service): \(failure)")
            }
        }
        if !failures.isEmpty {
            throw ServiceError(.unavailable, "\(failures.count) of \(services.count) services did not answer")
        }
        let degraded = services.filter { results[$0]?.status == "degraded" }
        if !degraded.isEmpty {
            throw ServiceError(.unavailable, "\(degraded.joined(separator: ", ")) cannot reach a peer it calls")
        }
    }

    static func clock(_ context: CLIContext) throws {
        var chosen = services
        if let service = context.command.stringIfPresent("service") {
            guard services.contains(service) else {
                throw ServiceError.validation("unknown service \"\(ServiceError.quote(service))\"; expected registry, finance or documents", field: "service")
            }
            chosen = [service]
        }
        var target: Timestamp?
        if let text = context.command.stringIfPresent("set") {
            guard let time = StockholmTime.parse(text) else {
                throw ServiceError.validation("--set: expected a date (2022-06-01), a Stockholm time (2022-06-28T09:30) or a UTC time (2022-06-28T07:30:00.000Z), got \"\(ServiceError.quote(text))\"", field: "set")
            }
            target = time
        }
        var clocks: [String: ClockStatus] = [:]
        for service in chosen {
            let client = try context.client(service)
            clocks[service] = try target.map { try client.call(CommonMethods.clockSet, ClockSetRequest(to: $0)) }
                ?? client.call(CommonMethods.clock, Empty())
        }
        if context.json { return try context.printJSON(clocks) }
        var table = TextTable(["service", "clock", "Stockholm", "UTC"])
        for service in chosen {
            guard let status = clocks[service] else { continue }
            table.add([service, status.simulated ? "simulated" : "real",
                       StockholmTime.localDateTime(at: status.now).description, status.now.iso8601(.milliseconds)])
        }
        context.output.line(table.render())
    }

    static func stats(_ context: CLIContext) throws {
        let service = try serviceArgument(context)
        let stats = try context.client(service).call(CommonMethods.stats, Empty())
        if context.json { return try context.printJSON(stats) }
        var table = TextTable(["counter", "value"])
        table.add(["uptime", "\(Int(stats.uptimeSeconds)) s"])
        table.add(["connections open / accepted / refused", "\(stats.openConnections) / \(stats.acceptedConnections) / \(stats.refusedConnections)"])
        table.add(["failed handshakes", String(stats.failedHandshakes)])
        table.add(["requests / errors / replayed writes", "\(stats.requests) / \(stats.errors) / \(stats.replayedWrites)"])
        table.add(["latency p50 / p99", "\(Int(stats.latencyP50Microseconds)) µs / \(Int(stats.latencyP99Microseconds)) µs"])
        for (method, count) in stats.requestsByMethod.sorted(by: { $0.key < $1.key }) {
            table.add(["  \(method)", String(count)])
        }
        context.output.line(table.render())
    }

    static func audit(_ context: CLIContext) throws {
        let service = try serviceArgument(context)
        let query = AuditQuery(limit: try context.command.int("limit", in: 1...1000),
                               entity: context.command.stringIfPresent("entity"))
        let entries = try context.client(service).call(CommonMethods.audit, query)
        if context.json { return try context.printJSON(entries) }
        var table = TextTable(["#", "at", "key", "action", "entity", "id", "summary"])
        for entry in entries {
            table.add([String(entry.sequence), entry.at, entry.keyID, entry.action, entry.entity, entry.entityID, entry.summary])
        }
        context.output.line(table.render())
    }
}
