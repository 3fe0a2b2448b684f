import KansliProtocol
import Testing
@testable import KansliTransport

@Suite("Key files")
struct KeyringTests {
    let secret = String(repeating: "ab", count: 32)

    @Test("a key file with comments, roles and a rotation secret parses")
    func parsesKeyFile() throws {
        let keyring = try Keyring.parse("""
            # comment
            secretary write \(secret)
            ops admin \(secret) \(String(repeating: "cd", count: 32))   # rotating
            """, source: "keys")
        #expect(keyring.count == 2)
        #expect(keyring.entry(for: "ops")?.secrets.count == 2)
        #expect(keyring.entry(for: "secretary")?.role == .write)
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

    @Test("the client credential comes from KANSLI_KEY_ID and KANSLI_SECRET")
    func credentialFromEnvironment() throws {
        let credential = try ClientCredential.fromEnvironment(["KANSLI_KEY_ID": "cli", "KANSLI_SECRET": secret])
        #expect(credential?.keyID == "cli")
        #expect(credential?.secret.count == 32)
        #expect(try ClientCredential.fromEnvironment([:]) == nil)
    }
}
