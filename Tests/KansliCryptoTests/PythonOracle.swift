import Foundation

/// Runs python3's `hashlib`/`hmac` as an independent reference implementation.
///
/// Input to the script, for each case: u32 BE key length, key, u32 BE message length, message,
/// u32 BE HKDF output length. The script reads all of stdin first, then prints one line per case:
/// `sha256(message) hmac(key, message) hkdf(ikm: message, salt: key, info: "kansli", length)`,
/// each as lowercase hex. HKDF is written out in Python from RFC 5869 §2 on top of `hmac`.
enum PythonOracle {
    /// One input to compare.
    struct Case {
        var key: [UInt8]
        var message: [UInt8]
        var hkdfCount: Int
    }

    /// The digests python3 computed for one case, as lowercase hex.
    struct Answer: Equatable {
        var sha256: String
        var hmac: String
        var hkdf: String
    }

    /// Why python3 could not give answers.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The HKDF `info` the script uses.
    static let hkdfInfo = Array("kansli".utf8)

    /// The path of `python3` on `PATH`, or nil when it is not installed.
    static let executablePath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    private static let script = """
        import hashlib, hmac, struct, sys
        data = sys.stdin.buffer.read()
        pos = 0
        def take(n):
            global pos
            chunk = data[pos:pos + n]
            if len(chunk) != n:
                raise SystemExit("truncated input")
            pos += n
            return chunk
        def hkdf(ikm, salt, info, length):
            prk = hmac.new(salt if salt else bytes(32), ikm, hashlib.sha256).digest()
            okm, block, counter = b"", b"", 1
            while len(okm) < length:
                block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
                okm += block
                counter += 1
            return okm[:length]
        out = []
        while pos < len(data):
            key = take(struct.unpack(">I", take(4))[0])
            message = take(struct.unpack(">I", take(4))[0])
            length = struct.unpack(">I", take(4))[0]
            out.append(" ".join([
                hashlib.sha256(message).hexdigest(),
                hmac.new(key, message, hashlib.sha256).hexdigest(),
                hkdf(message, key, b"kansli", length).hex(),
            ]))
        sys.stdout.write("\\n".join(out) + "\\n")
        """

    /// Sends `cases` to python3 and returns its answers in the same order.
    static func answers(for cases: [Case]) throws -> [Answer] {
        guard let executablePath else { throw Failure(description: "python3 is not on PATH") }
        var input: [UInt8] = []
        func appendLength(_ count: Int) {
            withUnsafeBytes(of: UInt32(count).bigEndian) { input.append(contentsOf: $0) }
        }
        for item in cases {
            appendLength(item.key.count)
            input += item.key
            appendLength(item.message.count)
            input += item.message
            appendLength(item.hkdfCount)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // The script reads all of stdin before writing anything, so writing first cannot deadlock.
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited with \(process.terminationStatus): "
                          + String(decoding: errors, as: UTF8.self))
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        return try lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { throw Failure(description: "unexpected line from python3: \(line)") }
            return Answer(sha256: fields[0], hmac: fields[1], hkdf: fields[2])
        }
    }
}
