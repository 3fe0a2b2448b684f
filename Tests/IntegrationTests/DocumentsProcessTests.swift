import DocumentsAPI
import Foundation
import KansliCrypto
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI
import Testing

/// Real `kansli-registry` and `kansli-documents` processes on free ports, driven by the real
/// `kansli` executable as a secretary would: the seed meeting imported from its file, the
/// notice posted on every party's board, the minutes rendered; and a registry that is gone
/// makes attendance `unavailable` with nothing written.
@Suite("Documents with real processes and the kansli executable", .serialized)
struct DocumentsProcessTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    /// What one run of the `kansli` executable gave.
    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// Runs the `kansli` executable with the admin key (or `credential`) against the services.
    static func kansli(_ arguments: [String], registry: ServiceProcess, documents: ServiceProcess, finance: ServiceProcess? = nil,
                       as credential: ClientCredential? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(ServiceProcess.binDirectory)/kansli")
        process.arguments = arguments
        let key = credential ?? registry.keys.admin
        var environment = ["KANSLI_REGISTRY": "127.0.0.1:\(registry.port)", "KANSLI_DOCUMENTS": "127.0.0.1:\(documents.port)",
                           "KANSLI_KEY_ID": key.keyID, "KANSLI_SECRET": Hex.encode(key.secret), "PATH": "/usr/bin:/bin"]
        if let finance { environment["KANSLI_FINANCE"] = "127.0.0.1:\(finance.port)" }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                   err: String(decoding: errData, as: UTF8.self))
    }

    @Test("the seed meeting through the kansli executable: § 8–16 with the seed's quorum, the notice on every board, the last day to appeal 2022-07-29")
    func seedMeetingThroughTheCLI() throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("documents-processes")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: keys)
        defer { _ = registry.terminate() }
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        defer { _ = documents.terminate() }
        func kansli(_ arguments: String...) throws -> Run { try Self.kansli(arguments, registry: registry, documents: documents) }

        let committee = try kansli("registry", "import", Self.seedDirectory.appendingPathComponent("norrbotten-e-namnd.json").path)
        #expect(committee.status == 0, "\(committee.err)")
        let imported = try kansli("documents", "import", Self.seedDirectory.appendingPathComponent("norrbotten-e-namnd-2022-06-22.json").path)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("§ 8–14: 9 of 14 serving (8 needed), chair Isak Utsi (S)"))
        #expect(imported.out.contains("§ 15–16: 10 of 14 serving (8 needed), chair Carina Sammeli (S)"))

        let posted = try kansli("documents", "notice", "post", "NBE", "2022-06-22", "--all-parties", "--posted-on", "2022-07-08",
                                "--justerat-on", "2022-07-04")
        #expect(posted.status == 0, "\(posted.err)")
        #expect(posted.out.contains("Up on every party's board."))
        #expect(posted.out.contains("Last day to appeal: 2022-07-29"))
        #expect(posted.out.contains("4 days after justering on 2022-07-04"))

        let html = directory.file("protokoll.html")
        let rendered = try kansli("documents", "render", "NBE", "2022-06-22", "--output", html)
        #expect(rendered.status == 0, "\(rendered.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: html))
        #expect(rendered.out.contains(Hex.encode(SHA256.hash(Array(bytes))).uppercased()))
        let again = try kansli("--json", "documents", "render", "NBE", "2022-06-22")
        let document = try JSONDecoder().decode(DocumentsAPI.RenderedDocument.self, from: Data(again.out.utf8))
        #expect(Data(document.text.utf8) == bytes, "the same content renders to the same bytes")

        // The registry gone: attendance needs the composition, so it is unavailable and writes nothing.
        registry.killHard()
        let before = try kansli("--json", "documents", "meeting", "show", "NBE", "2022-06-22")
        #expect(before.status == 0, "\(before.err)")
        let refused = try kansli("--timeout", "3", "documents", "attendance", "set", "NBE", "2022-06-22", "--absent", "isak-utsi")
        #expect(refused.status == 69, "\(refused.err)")
        #expect(refused.err.contains("registry"), "\(refused.err)")
        let after = try kansli("--json", "documents", "meeting", "show", "NBE", "2022-06-22")
        #expect(after.out == before.out)
    }

    @Test("four members sign with their own keys through kansli; the export checks with sha256 and openssl, and offline; finance adopts budget 2023 on documents' word")
    func signedThroughTheCLI() throws {
        let signers = ["robert-karlsson", "isak-utsi", "carina-sammeli", "jonas-lindberg"]
        let keys = try TestKeys(signers: signers)
        let directory = try TemporaryDirectory("documents-signing")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: keys)
        defer { _ = registry.terminate() }
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        defer { _ = documents.terminate() }
        let finance = try ServiceProcess("finance", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port, "documents": documents.port]))
        defer { _ = finance.terminate() }
        func kansli(_ arguments: [String], as person: String? = nil) throws -> Run {
            try Self.kansli(arguments, registry: registry, documents: documents, finance: finance, as: person.flatMap { keys.signers[$0] })
        }
        let seeds = Self.seedDirectory.path
        for line in [["registry", "import", "\(seeds)/norrbotten-e-namnd.json"], ["documents", "import", "\(seeds)/norrbotten-e-namnd-2022-06-22.json"],
                     ["finance", "import", "\(seeds)/norrbotten-e-namnd-budget.json"]] {
            let run = try kansli(line)
            #expect(run.status == 0, "\(line): \(run.err)")
        }
        for person in signers {
            let keyFile = directory.file("\(person).pem")
            let generated = try kansli(["--json", "keys", "generate", "--signing", keyFile])
            let publicKey = try #require(try JSONSerialization.jsonObject(with: Data(generated.out.utf8)) as? [String: String])["publicKey"] ?? ""
            #expect(try kansli(["registry", "signing-key", "add", "NBE", "--person", person, "--public-key", publicKey]).status == 0)
            #expect(try kansli(["registry", "signer", "map", "NBE", "signer-\(person)", "--person", person]).status == 0)
            #expect(try kansli(["keys", "check", keyFile], as: person).status == 0)
        }
        for person in signers {
            let signed = try kansli(["protocol", "sign", "NBE", "2022-06-22", "--signing-key", directory.file("\(person).pem"), "--yes"], as: person)
            #expect(signed.status == 0, "\(person): \(signed.err)")
        }
        let verified = try kansli(["protocol", "verify", "NBE", "2022-06-22"])
        #expect(verified.status == 0, "\(verified.out)\(verified.err)")

        let folder = directory.file("export")
        #expect(try kansli(["protocol", "export", "NBE", "2022-06-22", "--output", folder]).status == 0)
        #expect(try kansli(["protocol", "verify", "--offline", folder]).status == 0)
        let html = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/protokoll.html"))
        let statement = try String(contentsOfFile: "\(folder)/signatur-1-robert-karlsson.txt", encoding: .utf8)
        #expect(statement.contains("document-sha256: \(Hex.encode(SHA256.hash(Array(html)), uppercase: true))\n"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") {
            for (index, person) in signers.enumerated() {
                let stem = "\(folder)/signatur-\(index + 1)-\(person)"
                let openssl = Process()
                openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
                openssl.arguments = ["pkeyutl", "-verify", "-pubin", "-inkey", "\(stem).pem", "-rawin", "-in", "\(stem).txt", "-sigfile", "\(stem).sig"]
                let out = Pipe()
                openssl.standardOutput = out
                try openssl.run()
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                openssl.waitUntilExit()
                #expect(openssl.terminationStatus == 0 && text.contains("Signature Verified Successfully"), "\(person): \(text)")
            }
        } else {
            Issue.record("openssl is needed to check the export as its README says (apt-get install openssl)")
        }

        // Budget 2023 was imported adopted pending justering at § 12; documents now says § 12 is justerat.
        let justera = try kansli(["--json", "finance", "budget", "show", "NBE", "2023"])
        #expect(justera.out.contains("adopted-pending-justering"), "\(justera.out)")
        let today = CalendarDate.today(at: .now())
        let adopted = try kansli(["finance", "budget", "justera", "NBE", "2023", "--on", "\(today)"])
        #expect(adopted.status == 0, "\(adopted.err)")
        let shown = try kansli(["--json", "finance", "budget", "show", "NBE", "2023"])
        #expect(shown.out.contains("documents: SHA-256 \(Hex.encode(SHA256.hash(Array(html)), uppercase: true))"), "\(shown.out)")
        let wrongDay = try kansli(["finance", "budget", "justera", "NBE", "2023", "--on", "2022-06-29"])
        #expect(wrongDay.status == 1)
    }
}
