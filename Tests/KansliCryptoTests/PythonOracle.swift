import Foundation
import KansliTestSupport

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

    /// The HKDF `info` the script uses.
    static let hkdfInfo = Array("kansli".utf8)

    /// The path of `python3` on `PATH`, or nil when it is not installed.
    static var executablePath: String? { Python.executablePath }

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

        let output = try Python.run(script, input: input)
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        return try lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { throw Python.Failure(description: "unexpected line from python3: \(line)") }
            return Answer(sha256: fields[0], hmac: fields[1], hkdf: fields[2])
        }
    }
}
