import KansliCrypto
import KansliProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A member's Ed25519 signing key on disk: the PKCS #8 PEM of RFC 8410 (what `openssl genpkey
/// -algorithm ed25519` writes), in a file only its owner may read. The private key never
/// leaves it: `kansli keys generate --signing` writes it, `kansli protocol sign` reads it.
public enum SigningKeyFile {
    /// Reads the key at `path`; refused when anyone but its owner may read it (as ssh refuses).
    public static func load(path: String) throws -> Ed25519.PrivateKey {
        let text = try KeyFile.read(path, owner: .client)
        do {
            return try Ed25519PEM.privateKey(fromPEM: text)
        } catch {
            throw ServiceError(.validation, "\(path) is not an Ed25519 private key (PKCS #8 PEM): \(error)", field: "signingKey")
        }
    }

    /// Writes `key` to a new file at `path` with mode 600; an existing file is never replaced.
    public static func write(_ key: Ed25519.PrivateKey, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists already (a signing key is never overwritten)" : String(cString: strerror(errno))
            throw ServiceError(.validation, "cannot create \(path): \(reason)", field: "output")
        }
        defer { _ = close(fd) }
        let bytes = Array(Ed25519PEM.encode(key).utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw ServiceError(.internal, "cannot write \(path): \(String(cString: strerror(errno)))", field: "output")
            }
            written += count
        }
        guard fsync(fd) == 0 else {
            throw ServiceError(.internal, "cannot write \(path) to disk: \(String(cString: strerror(errno)))", field: "output")
        }
    }
}
