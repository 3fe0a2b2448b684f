import Foundation
import KansliCrypto
import KansliTestSupport
import Testing
@testable import KansliCLI

/// The seed meeting signed from the command line: each member makes a key pair, the secretary
/// registers the public keys, each signs with `kansli protocol sign`, then anyone verifies, with
/// the service and from an export folder.
final class SigningCLI {
    static let signers = ["robert-karlsson", "isak-utsi", "carina-sammeli", "jonas-lindberg"]
    let server: DocumentsTestServer
    var directory: TemporaryDirectory { server.registry.directory }

    init() throws {
        server = try DocumentsTestServer.withSeedMeeting(signers: Self.signers)
        for person in Self.signers {
            let generated = server.run(["--json", "keys", "generate", "--signing", keyFile(person)])
            guard generated.status == 0,
                  let object = try JSONSerialization.jsonObject(with: Data(generated.out.utf8)) as? [String: String],
                  let publicKey = object["publicKey"] else {
                throw RegistryTestServer.Failure(description: "keys generate: \(generated.err)")
            }
            for line in [["registry", "signing-key", "add", "NBE", "--person", person, "--public-key", publicKey, "--valid-from", "2022-01-01"],
                         ["registry", "signer", "map", "NBE", "signer-\(person)", "--person", person]] {
                let run = server.run(line)
                guard run.status == 0 else { throw RegistryTestServer.Failure(description: "\(line): \(run.err)") }
            }
        }
    }

    func keyFile(_ person: String) -> String { directory.file("\(person).pem") }

    /// Runs `kansli ARGUMENTS` as `person`'s signer key.
    func run(_ arguments: [String], as person: String) -> RegistryTestServer.Run {
        server.run(arguments, as: server.registry.keys.signers[person])
    }

    func sign(_ person: String) -> RegistryTestServer.Run {
        run(["protocol", "sign", "NBE", "2022-06-22", "--signing-key", keyFile(person), "--yes"], as: person)
    }
}

@Suite("kansli protocol and kansli keys: signing the minutes with members' own keys")
struct ProtocolCommandsTests {
    @Test("keys generate --signing writes a mode-600 PKCS #8 key and prints its public key; keys check finds it in the registry")
    func keyPairs() throws {
        let cli = try SigningCLI()
        let path = cli.keyFile("isak-utsi")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let again = cli.server.run(["keys", "generate", "--signing", path])
        #expect(again.status == 1 && again.err.contains("never overwritten"))
        let check = cli.run(["keys", "check", path], as: "isak-utsi")
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("of Isak Utsi (NBE/isak-utsi), usable on"))
        let wrong = cli.run(["keys", "check", cli.keyFile("jonas-lindberg")], as: "isak-utsi")
        #expect(wrong.status == 2 && wrong.err.contains("matches none of the 1 signing keys"), "\(wrong.err)")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let open = cli.sign("isak-utsi")
        #expect(open.status != 0 && open.err.contains("chmod 600"), "\(open.err)")
        #expect(cli.server.run(["keys", "generate"]).status == 64)
    }

    @Test("the four sign with protocol sign: each sees the paragraphs and the hash, the last makes it justerat, and protocol verify holds")
    func signAndVerify() throws {
        let cli = try SigningCLI()
        var last = RegistryTestServer.Run(status: -1, out: "", err: "")
        for person in SigningCLI.signers {
            last = cli.sign(person)
            #expect(last.status == 0, "\(person): \(last.err)")
            #expect(last.out.contains("§ 12 Budget 2023") && last.out.contains("Beslut: E-nämnden beslutar att godkänna budgeten för 2023"))
            #expect(last.out.contains("SHA-256: "))
        }
        #expect(last.out.contains("is justerat"), "\(last.out)")
        let again = cli.sign("robert-karlsson")
        #expect(again.status == 1 && again.err.contains("justerat already"), "\(again.err)")
        let verified = cli.server.run(["protocol", "verify", "NBE", "2022-06-22"])
        #expect(verified.status == 0, "\(verified.err)")
        #expect(verified.out.contains("ok   signature of Isak Utsi"))
        #expect(!verified.out.contains("FAIL"))
    }

    @Test("an export verifies offline with no service; a changed byte in it, or in its log, is named and exits 2")
    func exportOffline() throws {
        let cli = try SigningCLI()
        for person in SigningCLI.signers { #expect(cli.sign(person).status == 0) }
        let folder = cli.directory.file("export")
        let exported = cli.server.run(["protocol", "export", "NBE", "2022-06-22", "--output", folder])
        #expect(exported.status == 0, "\(exported.err)")
        let offline = cli.server.run(["protocol", "verify", "--offline", folder])
        #expect(offline.status == 0, "\(offline.err)")
        #expect(offline.out.contains("ok   justering: log entry 1 made it justerat"))

        let logFolder = cli.directory.file("log")
        #expect(cli.server.run(["documents", "export-log", "NBE", "--output", logFolder]).status == 0)
        #expect(cli.server.run(["documents", "verify-log", logFolder]).out.contains("1 entries chain unbroken"))
        #expect(cli.server.run(["documents", "verify-log", "--committee", "NBE"]).status == 0)

        let html = "\(folder)/protokoll.html"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: html)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: html))
        let tampered = cli.server.run(["protocol", "verify", "--offline", folder])
        #expect(tampered.status == 2)
        #expect(tampered.out.contains("FAIL Robert Karlsson (sekreterare): the statement's document-sha256 is"), "\(tampered.out)")

        let entry = "\(logFolder)/000001.txt"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "signatures: 4", with: "signatures: 3").write(toFile: entry, atomically: true, encoding: .utf8)
        try "Kansli log entry v1\ncommittee: NBE\nsequence: 2\nprevious-sha256: \(Hex.encode(SHA256.hash(Array(text.utf8)), uppercase: true))\ntime: 2030-01-01T00:00:00.000Z\nevent: anslag\n"
            .write(toFile: "\(logFolder)/000002.txt", atomically: true, encoding: .utf8)
        let broken = cli.server.run(["documents", "verify-log", logFolder])
        #expect(broken.status == 2 && broken.err.contains("breaks at 000002.txt"), "\(broken.err)")
    }
}
