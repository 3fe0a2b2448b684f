import KansliProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The one reader and tokenizer of Kansli's key files, client and server alike: the same rules
/// for comments, blank lines and permissions, so the two can never disagree.
///
/// A key file is UTF-8 text, at most 1 MiB. Each line is split into words at whitespace; a `#`
/// starts a comment that runs to the end of the line (key ids, roles and hex cannot contain `#`);
/// a line with no words is skipped. Like ssh, a key file that others may read is refused, with
/// the `chmod` that fixes it.
enum KeyFile {
    /// One line that has words, with its 1-based number for error messages.
    struct Line {
        let number: Int
        let words: [Substring]
    }

    /// The lines of `text` that have words, comments removed.
    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]
            let words = content.split(whereSeparator: \.isWhitespace)
            if !words.isEmpty { result.append(Line(number: index + 1, words: words)) }
        }
        return result
    }

    /// Who may hold a key file.
    enum Owner {
        /// A client's file holds its secret: only its owner may read it (`chmod 600`).
        case client
        /// A service's file: its owner, and a group that may read it (`root:kansli 0640`).
        case service

        /// The permission bits that must be clear.
        var forbiddenBits: mode_t {
            switch self {
            case .client: 0o077
            case .service: 0o037
            }
        }

        var advice: String {
            switch self {
            case .client: "chmod 600"
            case .service: "chmod 640 (or 600)"
            }
        }
    }

    static let maxBytes = 1 << 20

    /// Reads a key file whole, after checking (on the opened file, so the check and the read are
    /// of the same file) that it is a regular file only `owner` may read.
    static func read(_ path: String, owner: Owner) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ServiceError(.validation, "cannot read the key file \(path): \(String(cString: strerror(errno)))", field: "keyFile")
        }
        defer { _ = close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            throw ServiceError(.validation, "cannot stat the key file \(path): \(String(cString: strerror(errno)))", field: "keyFile")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ServiceError(.validation, "the key file \(path) is not a regular file", field: "keyFile")
        }
        let mode = status.st_mode & 0o777
        guard mode & owner.forbiddenBits == 0 else {
            throw ServiceError(.validation, "the key file \(path) has mode \(String(mode, radix: 8)): others may read or change the secrets it holds; run `\(owner.advice) \(path)`", field: "keyFile")
        }
        guard Int(status.st_size) <= maxBytes else {
            throw ServiceError(.tooLarge, "the key file \(path) is larger than 1 MiB", field: "keyFile")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else {
                throw ServiceError(.validation, "cannot read the key file \(path): \(String(cString: strerror(errno)))", field: "keyFile")
            }
            if read == 0 { break }
            count += read
        }
        guard count <= maxBytes else {
            throw ServiceError(.tooLarge, "the key file \(path) is larger than 1 MiB", field: "keyFile")
        }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }
}
