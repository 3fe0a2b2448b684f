import Foundation
import KansliArguments
import KansliProtocol
import RegistryAPI
import Testing
@testable import KansliCLI

/// `kansli registry …` against a real registry served in-process: import and export, exit
/// statuses, help, and every registry method reachable from the command line.
@Suite("kansli registry: import, export, errors, help")
struct RegistryCommandsTests {
    @Test("both seed committees import, and export gives back the shipped files byte for byte")
    func importThenExportIsIdentical() throws {
        let registry = try RegistryTestServer()
        let imported = registry.run(["registry", "import", RegistryTestServer.seed("norrbotten-e-namnd.json")])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out == "Imported committee NBE: 14 parties, 14 yearly key figures, 32 persons, "
                    + "29 appointments, 3 roles, 3 staff assignments, 14 pairings, 0 signing keys.\n")
        #expect(registry.run(["registry", "import", RegistryTestServer.seed("jamtland-gns.json")]).status == 0)

        let shipped = try Data(contentsOf: RegistryTestServer.seedDirectory.appendingPathComponent("norrbotten-e-namnd.json"))
        let exported = registry.registry("export NBE")
        #expect(exported.status == 0)
        #expect(Data(exported.out.utf8) == shipped)

        let file = registry.directory.file("gns.json")
        #expect(registry.registry("export GNS --output \(file)").status == 0)
        let gns = try Data(contentsOf: RegistryTestServer.seedDirectory.appendingPathComponent("jamtland-gns.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == gns)
        let overviews = try registry.json([CommitteeOverview].self, "committee list")
        #expect(overviews.map(\.committee.code) == ["GNS", "NBE"])
    }

    @Test("--check stores nothing; a second import needs --replace, which replaces")
    func checkAndReplace() throws {
        let registry = try RegistryTestServer()
        let seed = RegistryTestServer.seed("jamtland-gns.json")
        let check = registry.run(["registry", "import", "--check", seed])
        #expect(check.status == 0)
        #expect(check.out.contains("Nothing was stored"))
        #expect(try registry.json([CommitteeOverview].self, "committee list").isEmpty)

        #expect(registry.run(["registry", "import", seed]).status == 0)
        let again = registry.run(["registry", "import", seed])
        #expect(again.status == 1)
        #expect(again.err.contains("conflict") && again.err.contains("--replace"))
        let replaced = registry.run(["registry", "import", "--replace", seed, "--json"])
        #expect(replaced.status == 0)
        let result = try JSONDecoder().decode(ImportResult.self, from: Data(replaced.out.utf8))
        #expect(result.replaced && result.stored && result.counts.parties == 9)
    }

    @Test("a file that is not a committee file is refused naming the JSON path; a missing file exits 64")
    func badFiles() throws {
        let registry = try RegistryTestServer()
        var file = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: RegistryTestServer.seed("jamtland-gns.json")))) as? [String: Any]
        var parties = try #require(file?["parties"] as? [[String: Any]])
        parties[2]["joinedOn"] = "2018-02-30"
        file?["parties"] = parties
        let path = registry.directory.file("bad.json")
        try JSONSerialization.data(withJSONObject: file ?? [:]).write(to: URL(fileURLWithPath: path))
        let bad = registry.run(["registry", "import", "--check", path])
        #expect(bad.status == 65)
        #expect(bad.err.contains("parties[2].joinedOn"))

        let missing = registry.run(["registry", "import", registry.directory.file("nothing.json")])
        #expect(missing.status == 66)
        #expect(missing.err.contains("no_input: file: cannot read"))
    }

    @Test("a file that is not JSON at all names the line and column where it stops being JSON")
    func notJSONNamesLineAndColumn() throws {
        let registry = try RegistryTestServer()
        let path = registry.directory.file("not-json.json")
        try Data("{\n  \"formatVersion\": 1,\n  \"committee\": { \"code\": \"NBE\" },\n  oops\n}\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let run = registry.run(["registry", "import", "--check", path])
        #expect(run.status == 65)
        #expect(run.err.contains("is not JSON: line 4, column 3: invalid value"), "\(run.err)")
        let json = registry.run(["registry", "import", "--check", path, "--json"])
        let report = try JSONDecoder().decode(CLIFailure.Report.self, from: Data(json.err.utf8))
        #expect(report.code == "data_error" && report.exitStatus == 65 && report.source == "local")
        #expect(report.line == 4 && report.column == 3)
        #expect(json.out.isEmpty)
    }

    @Test("with --json every failure is one JSON object on standard error: a refusal, a usage error, a missing file")
    func jsonErrors() throws {
        let registry = try RegistryTestServer.seeded()
        let refused = registry.run(["registry", "party", "get", "NBE", "umea", "--json"])
        #expect(refused.status == 1)
        let report = try JSONDecoder().decode(CLIFailure.Report.self, from: Data(refused.err.utf8))
        #expect(report.code == "not_found" && report.source == "service" && report.exitStatus == 1)
        let usage = registry.run(["registry", "composition", "NBE", "--on", "2022-13-01", "--json"])
        #expect(usage.status == 64)
        #expect(try JSONDecoder().decode(CLIFailure.Report.self, from: Data(usage.err.utf8)).code == "usage")
        let unknown = registry.run(["registry", "nonsense", "--json"])
        #expect(unknown.status == 64)
        #expect(try JSONDecoder().decode(CLIFailure.Report.self, from: Data(unknown.err.utf8)).source == "command-line")
        let missing = registry.run(["registry", "import", registry.directory.file("none.json"), "--json"])
        let noInput = try JSONDecoder().decode(CLIFailure.Report.self, from: Data(missing.err.utf8))
        #expect(missing.status == 66 && noInput.code == "no_input" && noInput.field == "file")
    }

    @Test("a key file that does not exist exits 66; a refusal by the service stays 1; unreachable 69")
    func exitStatuses() throws {
        let missingKey = ServiceError(.validation, "cannot read the key file /nope: No such file or directory",
                                      field: "keyFile")
        #expect(CLIFailure.exitStatus(for: missingKey) == 66)
        #expect(CLIFailure.exitStatus(for: ServiceError(.validation, "the key file k has mode 644", field: "keyFile")) == 78)
        #expect(CLIFailure.exitStatus(for: ServiceError.validation("bad", field: "party.code")) == 1)
        #expect(CLIFailure.exitStatus(for: ServiceError(.unavailable, "no answer")) == 69)
        #expect(CLIFailure.exitStatus(for: ServiceError(.unauthenticated, "refused")) == 77)
        #expect(CLIFailure.exitStatus(for: LocalFailure(.cannotCreate, "cannot write", field: "output")) == 73)
        let registry = try RegistryTestServer()
        let run = registry.run(["--key-file", registry.directory.file("absent.key"), "registry", "committee", "list"])
        #expect(run.status == 66, "\(run.err)")
    }

    @Test("an invalid organisationsnummer exits 1 with the registry's message naming the field")
    func invalidOrganisationNumber() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.run(["registry", "party", "add", "NBE", "--name", "Testby kommun", "--kind", "kommun",
                                "--org-number", "212000-2628", "--joined", "2022-01-01"])
        #expect(run.status == 1)
        #expect(run.err.contains("party.organisationNumber"))
        #expect(run.err.contains("212000-2628"))
    }

    @Test("a date that is not a day exits 64 naming the option", arguments: [
        "composition NBE --on 2022-13-01", "party list NBE --on 2022-13-01", "substitutes NBE --for lena-goldkuhl --on 2022-13-01",
    ])
    func badDate(_ line: String) throws {
        let registry = try RegistryTestServer()
        let run = registry.registry(line)
        #expect(run.status == 64)
        #expect(run.err.contains(#"--on: expected a date as yyyy-MM-dd, got "2022-13-01""#))
        #expect(run.out.isEmpty)
    }

    @Test("a choice outside its values exits 64 listing them")
    func badChoice() throws {
        let registry = try RegistryTestServer()
        let run = registry.registry("yearly-key table NBE --kind folk --year 2022")
        #expect(run.status == 64)
        #expect(run.err.contains(#"--kind: expected one of population, pupils, budget-turnover, got "folk""#))
    }

    @Test("a read key may read but a write exits 77")
    func readKeyCannotWrite() throws {
        let registry = try RegistryTestServer.seeded()
        #expect(registry.registry("party list NBE", as: registry.keys.reader).status == 0)
        let write = registry.registry("person create NBE --name Test", as: registry.keys.reader)
        #expect(write.status == 77)
        #expect(write.err.contains("forbidden"))
        let importing = registry.run(["registry", "import", "--replace", RegistryTestServer.seed("jamtland-gns.json")],
                                     as: registry.keys.writer)
        #expect(importing.status == 77)
        #expect(registry.run(["registry", "import", "--check", RegistryTestServer.seed("jamtland-gns.json")],
                             as: registry.keys.reader).status == 0)
    }

    @Test("an update without a change exits 64 listing what it could change")
    func updateWithoutChange() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.registry("person update NBE isak-utsi")
        #expect(run.status == 64)
        #expect(run.err.contains("nothing to change: give at least one of --name, --email, --phone, --note"))
    }

    @Test("--help works on every command of the tree and shows its abstract")
    func helpEverywhere() {
        func paths(_ spec: CommandSpec, _ prefix: [String]) -> [([String], CommandSpec)] {
            [(prefix, spec)] + spec.subcommands.flatMap { paths($0, prefix + [$0.name]) }
        }
        let all = paths(KansliCommandLine.spec, [])
        #expect(all.count > 50)
        for (path, spec) in all {
            let (output, captured) = Output.capturing()
            #expect(KansliCommandLine.run(path + ["--help"], environment: [:], output: output) == 0, "\(path)")
            #expect(captured().out.hasPrefix(spec.abstract), "\(path)")
            #expect(captured().err.isEmpty, "\(path)")
        }
    }

    @Test("subcommand names are lower-case and hyphenated")
    func names() {
        func names(_ spec: CommandSpec) -> [String] { [spec.name] + spec.subcommands.flatMap(names) }
        for name in names(KansliCommandLine.spec) {
            #expect(name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(name)")
        }
    }

    @Test("every registry method is reachable from the command line")
    func everyMethodIsReachable() throws {
        let registry = try RegistryTestServer.seeded()
        let lines: [[String]] = [
            ["import", "--check", RegistryTestServer.seed("jamtland-gns.json")],
            ["import", "--replace", RegistryTestServer.seed("jamtland-gns.json")],
            ["export", "GNS"],
            ["committee", "list"], ["committee", "get", "NBE"],
            ["committee", "create", "TST", "--name", "Test", "--short-name", "T", "--case-number-format", "T/{serial}"],
            ["committee", "update", "TST", "--short-name", "Testet"],
            ["committee", "end", "TST", "--last-day", "2030-12-31"],
            ["party", "list", "NBE"], ["party", "get", "NBE", "lulea"],
            ["party", "add", "NBE", "--code", "testby", "--name", "Testby kommun", "--kind", "kommun",
             "--org-number", "212000-2627", "--joined", "2023-01-01", "--member-seats", "1"],
            ["party", "update", "NBE", "testby", "--note", "a test"],
            ["yearly-key", "set", "NBE", "--party", "testby", "--kind", "population", "--year", "2023",
             "--value", "1000", "--reference-date", "2022-12-31", "--source", "SCB"],
            ["yearly-key", "list", "NBE", "--party", "testby"],
            ["yearly-key", "table", "NBE", "--kind", "population", "--year", "2023"],
            ["person", "list", "NBE", "--on", "2022-06-22", "--party", "boden"], ["person", "get", "NBE", "isak-utsi"],
            ["person", "create", "NBE", "--name", "Test Ledamot"], ["person", "create", "NBE", "--name", "Test Ersättare"],
            ["person", "update", "NBE", "test-ledamot", "--email", "ledamot@example.se"],
            ["appointment", "create", "NBE", "--person", "test-ledamot", "--party", "testby", "--kind", "ledamot",
             "--political-party", "L", "--mandate-period", "2023-2026"],
            ["appointment", "create", "NBE", "--person", "test-ersattare", "--party", "testby", "--kind", "ersättare",
             "--political-party", "C", "--mandate-period", "2023-2026"],
            ["appointment", "list", "NBE", "--party", "testby"], ["appointment", "get", "NBE", "test-ledamot-2023"],
            ["appointment", "update", "NBE", "test-ledamot-2023", "--note", "KF 2022-12-12 § 3"],
            ["role", "assign", "NBE", "--person", "test-ledamot", "--role", "chair", "--from", "2023-01-01"],
            ["role", "list", "NBE", "--on", "2023-06-01"], ["role", "get", "NBE", "chair-test-ledamot-2023"],
            ["role", "update", "NBE", "chair-test-ledamot-2023", "--to", "2024-12-31"],
            ["role", "end", "NBE", "chair-test-ledamot-2023", "--last-day", "2023-12-31"],
            ["staff", "assign", "NBE", "--person", "test-ersattare", "--role", "coordinator", "--from", "2023-01-01"],
            ["staff", "list", "NBE", "--person", "test-ersattare"], ["staff", "get", "NBE", "coordinator-test-ersattare"],
            ["staff", "update", "NBE", "coordinator-test-ersattare", "--title", "e-strateg"],
            ["staff", "end", "NBE", "coordinator-test-ersattare", "--last-day", "2023-12-31"],
            ["pairing", "create", "NBE", "--substitute", "test-ersattare-2023", "--ledamot", "test-ledamot-2023"],
            ["pairing", "list", "NBE", "--party", "testby"], ["pairing", "get", "NBE", "test-ersattare-for-test-ledamot"],
            ["pairing", "update", "NBE", "test-ersattare-for-test-ledamot", "--rank", "1"],
            ["pairing", "end", "NBE", "test-ersattare-for-test-ledamot", "--last-day", "2025-12-31"],
            ["signing-key", "add", "NBE", "--person", "robert-karlsson", "--public-key", String(repeating: "ab", count: 32),
             "--valid-from", "2022-01-01"],
            ["signing-key", "list", "NBE", "--person", "robert-karlsson"],
            ["signing-key", "get", "NBE", "robert-karlsson-key-1"],
            ["signer", "map", "NBE", "signer-robert-karlsson", "--person", "robert-karlsson"],
            ["signer", "get", "signer-robert-karlsson", "--on", "2022-06-22"],
            ["signer", "list", "NBE"],
            ["signer", "unmap", "signer-robert-karlsson"],
            ["signing-key", "revoke", "NBE", "robert-karlsson-key-1", "--on", "2023-01-01", "--reason", "lost device"],
            ["composition", "NBE", "--on", "2023-06-01"],
            ["substitutes", "NBE", "--for", "Test Ledamot", "--on", "2023-06-01"],
            ["appointment", "replace", "NBE", "lars-forsgren-2019", "--last-day", "2021-06-30",
             "--successor-name", "Anna Berg"],
            ["appointment", "end", "NBE", "test-ersattare-2023", "--last-day", "2026-06-30"],
            ["staff", "end", "NBE", "secretary-robert-karlsson", "--last-day", "2022-12-31"],
            ["person", "end", "NBE", "robert-karlsson", "--last-day", "2022-12-31"],
            ["person", "erase", "NBE", "robert-karlsson"],
            ["role", "withdraw", "NBE", "chair-carina-sammeli-2019", "--reason", "entered by mistake"],
            ["party", "end", "NBE", "testby", "--left", "2026-12-31"],
        ]
        for line in lines {
            let run = registry.run(["registry"] + line)
            #expect(run.status == 0, "kansli registry \(line.joined(separator: " ")): \(run.err)")
            #expect(!run.out.isEmpty, "\(line)")
        }
        let stats = registry.run(["stats", "registry", "--json"])
        let counters = try JSONDecoder().decode(ServiceStats.self, from: Data(stats.out.utf8))
        let missing = RegistryMethods.all.map(\.name).filter { counters.requestsByMethod[$0] == nil }
        #expect(missing.isEmpty, "never called: \(missing)")
    }

    @Test("writes print one line naming the record")
    func writesConfirmWithTheID() throws {
        let registry = try RegistryTestServer.seeded()
        let created = registry.run(["registry", "person", "create", "NBE", "--name", "Åsa Öberg"])
        #expect(created.out == "Created person asa-oberg (Åsa Öberg) in NBE.\n")
        let updated = registry.run(["registry", "person", "update", "NBE", "asa-oberg", "--phone", "0920-45 30 00"])
        #expect(updated.out == "Updated person asa-oberg of NBE: changed --phone.\n")
        let ended = registry.registry("pairing end NBE johan-johansson-for-lena-goldkuhl --last-day 2022-06-30")
        #expect(ended.out == "Pairing johan-johansson-for-lena-goldkuhl of NBE ends after 2022-06-30.\n")
    }
}
