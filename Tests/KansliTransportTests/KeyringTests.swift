import Foundation
import KansliProtocol
import KansliTestSupport
import Testing
@testable import KansliTransport

@Suite("Key files")
struct KeyringTests {
    let secret = String(repeating: "ab", count: 32)

    /// Writes `text` to a fresh file with `mode`; returns its path.
    static func file(_ text: String, mode: Int = 0o600) throws -> String {
        let path = try TemporaryDirectory("keys").file("key")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test("a service key file with comments, blank lines, roles and a rotation secret parses")
    func parsesKeyFile() throws {
        let keyring = try Keyring.parse("""
            # comment

               # an indented comment
            secretary write \(secret)
            ops admin \(secret) \(String(repeating: "cd", count: 32))   # rotating
            clerk signer \(secret)
            """, source: "keys")
        #expect(keyring.count == 3)
        #expect(keyring.entry(for: "ops")?.secrets.count == 2)
        #expect(keyring.entry(for: "secretary")?.role == .write)
        #expect(keyring.entry(for: "clerk")?.role == .signer)
    }

    @Test("a client key file with comments and blank lines parses with the same rules")
    func parsesClientKeyFile() throws {
        let credential = try ClientCredential.parse("""
            # Kansli client key
            #local-admin 0000
               
            local-admin \(secret)   # the admin key
            """, source: "admin.key")
        #expect(credential.keyID == "local-admin")
        #expect(credential.secret.count == 32)
    }

    @Test("a client key file with a comment only, or two keys, is refused naming the line")
    func clientKeyFileErrors() {
        #expect(throws: ServiceError.self) { try ClientCredential.parse("# local-admin \(secret)\n", source: "k") }
        do {
            _ = try ClientCredential.parse("a \(secret)\n\nb \(secret)\n", source: "k")
            Issue.record("two keys accepted")
        } catch let error as ServiceError {
            #expect(error.message.hasPrefix("k:3:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("errors name the file and line",
          arguments: ["k owner \(String(repeating: "ab", count: 32))", "k read zz", "k read abcd", "k read", "a b c d e"])
    func rejectsBadLines(_ line: String) {
        do {
            _ = try Keyring.parse("# first\n\(line)", source: "server-keys")
            Issue.record("accepted \(line)")
        } catch let error as ServiceError {
            #expect(error.message.hasPrefix("server-keys:2:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a key id appearing twice is refused")
    func duplicateKeyID() {
        #expect(throws: ServiceError.self) {
            try Keyring.parse("a read \(secret)\na write \(secret)", source: "k")
        }
    }

    @Test("an empty or comment-only service key file is refused at load: a service with no keys serves no one")
    func emptyKeyFileIsRefused() throws {
        for text in ["", "\n\n", "# nothing here\n  # nor here\n"] {
            do {
                _ = try Keyring.load(path: try Self.file(text))
                Issue.record("a key file \(text.debugDescription) was accepted")
            } catch let error as ServiceError {
                #expect(error.message.contains("holds no keys"))
            }
        }
    }

    @Test("a client key file others may read is refused with the chmod to run; 600 is accepted")
    func clientKeyFilePermissions() throws {
        for mode in [0o644, 0o640, 0o604] {
            let path = try Self.file("me \(secret)\n", mode: mode)
            do {
                _ = try ClientCredential.load(path: path)
                Issue.record("mode \(String(mode, radix: 8)) accepted")
            } catch let error as ServiceError {
                #expect(error.message.contains("chmod 600 \(path)"))
            }
        }
        #expect(try ClientCredential.load(path: try Self.file("me \(secret)\n", mode: 0o600)).keyID == "me")
    }

    @Test("types holding secrets never print them: description, debugDescription, dump")
    func secretsDoNotPrint() throws {
        let credential = try ClientCredential(keyID: "me", secret: [UInt8](repeating: 0xAB, count: 32))
        let keyring = try Keyring.parse("me admin \(secret) \(String(repeating: "cd", count: 32))", source: "k")
        var dumped = ""
        dump(credential, to: &dumped)
        dump(keyring, to: &dumped)
        dump(keyring.entry(for: "me")!, to: &dumped)
        let printed = [credential.description, String(reflecting: credential), "\(credential)", keyring.description,
                       String(reflecting: keyring), "\(keyring.entry(for: "me")!)", dumped]
        for text in printed {
            #expect(!text.lowercased().contains("abab"), "\(text)")
            #expect(!text.lowercased().contains("cdcd"), "\(text)")
            #expect(!text.contains("171"), "\(text)")  // 0xAB as a decimal array element
        }
        #expect(credential.description.contains("me"))
    }

    @Test("the service secret is HKDF of the client secret with the service's name; the key line holds it")
    func serverKeyLine() throws {
        let credential = try ClientCredential(keyID: "me", secret: (0..<32).map { UInt8($0) })
        let line = credential.serverKeyLine(forService: "registry", role: .admin)
        #expect(line == "me admin f3d49c2021a2d981358effc09d918c1fc33b4635182a07efc9a5ef45dee262ba")
        let keyring = try Keyring.parse(line, source: "k")
        #expect(keyring.entry(for: "me")?.accepts(secret: credential.secret(forService: "registry")) == true)
        #expect(keyring.entry(for: "me")?.accepts(secret: credential.secret) == false)
        #expect(try ClientCredential.parse(credential.keyFileText, source: "k").secret == credential.secret)
    }

    @Test("the client credential comes from KANSLI_KEY_ID and KANSLI_SECRET")
    func credentialFromEnvironment() throws {
        let credential = try ClientCredential.fromEnvironment(["KANSLI_KEY_ID": "cli", "KANSLI_SECRET": secret])
        #expect(credential?.keyID == "cli")
        #expect(credential?.secret.count == 32)
        #expect(try ClientCredential.fromEnvironment([:]) == nil)
    }
}
