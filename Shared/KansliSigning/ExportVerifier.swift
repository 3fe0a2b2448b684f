import KansliCrypto

/// Checks an exported signed document (docs/SIGNING.md §4) from its files alone, with no
/// service and no database: the document's SHA-256 against every statement, each Ed25519
/// signature with the PEM key beside it, the log's chain, and the log entry that made it
/// justerat. `kansli protocol verify --offline` prints what this finds.
///
/// The files are given by name (`protokoll.html`, `signatur-1-robert-karlsson.txt`,
/// `logg/000001.txt` …) and are hostile: each is bounded, and nothing in them is trusted until
/// checked.
public enum ExportVerifier {
    /// One check: what, whether it held, what was found.
    public struct Check: Sendable, Equatable {
        public var subject: String
        public var passed: Bool
        public var detail: String

        public init(subject: String, passed: Bool, detail: String) {
            self.subject = subject
            self.passed = passed
            self.detail = detail
        }
    }

    /// What the check of a folder found.
    public struct Report: Sendable, Equatable {
        /// The signed document's file name.
        public var document: String
        /// Its SHA-256, 64 upper-case hex digits.
        public var sha256: String
        /// Every check, in order.
        public var checks: [Check]
        /// Whether every check held.
        public var valid: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
    }

    /// Why a folder cannot be checked at all.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The largest file read from a folder (a protocol of many paragraphs is well under).
    public static let maximumFileBytes = 32 << 20
    /// The most files a folder may have.
    public static let maximumFiles = 100_000

    /// The names of the signed document an export may hold.
    static func isDocumentName(_ name: String) -> Bool {
        if name == "protokoll.html" { return true }
        for prefix in ["paragraf-", "utdrag-"] where name.hasPrefix(prefix) && name.hasSuffix(".html") {
            let digits = name.dropFirst(prefix.count).dropLast(5)
            return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    /// Checks the folder whose files `files` maps by name to their bytes.
    public static func verify(_ files: [String: [UInt8]]) throws(Failure) -> Report {
        guard files.count <= maximumFiles else { throw Failure(message: "the folder has \(files.count) files, more than an export holds") }
        if let large = files.first(where: { $0.value.count > maximumFileBytes }) {
            throw Failure(message: "\(short(large.key)) is larger than \(maximumFileBytes >> 20) MiB")
        }
        let documents = files.keys.filter(isDocumentName).sorted()
        guard documents.count == 1, let name = documents.first, let document = files[name] else {
            throw Failure(message: documents.isEmpty ? "the folder holds no signed document (protokoll.html, paragraf-N.html or utdrag-N.html)"
                                                     : "the folder holds more than one signed document: \(documents.joined(separator: ", "))")
        }
        let hash = SHA256.hash(document)
        let hex = Hex.encode(hash, uppercase: true)
        var checks = [Check(subject: "document hash", passed: true, detail: "sha256sum \(name) gives \(hex)")]
        let annex = files["sekretessbilaga.html"].map { SHA256.hash($0) }

        let stems = files.keys.filter { $0.hasPrefix("signatur-") && $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
            .sorted { (number(in: $0) ?? .max, $0) < (number(in: $1) ?? .max, $1) }
        var statements: [SignatureStatement] = []
        for stem in stems {
            let (check, statement) = signatureCheck(stem: stem, files: files, documentHash: hash, annexHash: annex)
            checks.append(check)
            if let statement { statements.append(statement) }
        }
        if stems.isEmpty { checks.append(Check(subject: "signatures", passed: false, detail: "the folder holds no signature")) }
        if let first = statements.first {
            let agree = statements.allSatisfy {
                ($0.kind, $0.committee, $0.meetingDate, $0.revision, $0.paragraph) == (first.kind, first.committee, first.meetingDate, first.revision, first.paragraph)
                    && $0.annexHash == first.annexHash && $0.sourceHash == first.sourceHash
            }
            checks.append(Check(subject: "statements", passed: agree,
                                detail: agree ? "all \(statements.count) name \(first.kind.rawValue) of \(first.committee) \(first.meetingDate), revision \(first.revision)"
                                              : "the statements do not all name the same document, revision and hashes"))
            if let annexHash = first.annexHash, annex == nil {
                checks.append(Check(subject: "annex", passed: true,
                                    detail: "a confidential annex with hash \(Hex.encode(annexHash, uppercase: true)) was signed with it; it is not in this folder"))
            }
        }
        checks += logChecks(files: files, documentHash: hex, signatures: statements.count, statement: statements.first)
        return Report(document: name, sha256: hex, checks: checks)
    }

    /// `signatur-12-isak-utsi` → 12.
    static func number(in stem: String) -> Int? {
        let rest = stem.dropFirst("signatur-".count)
        return Int(rest.prefix { $0.isASCII && $0.isNumber }.prefix(9))
    }

    /// A name for a message, shortened: file names in a folder are hostile too.
    static func short(_ name: String) -> String {
        let clean = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(80).map(Character.init))
        return clean.count < name.count ? clean + "…" : clean
    }

    /// One signer's statement, raw signature and PEM key.
    static func signatureCheck(stem: String, files: [String: [UInt8]], documentHash: [UInt8], annexHash: [UInt8]?) -> (Check, SignatureStatement?) {
        let subject = short(stem)
        guard let text = files[stem + ".txt"], let signature = files[stem + ".sig"], let pem = files[stem + ".pem"] else {
            return (Check(subject: subject, passed: false, detail: "needs \(short(stem)).txt, .sig and .pem"), nil)
        }
        let statement: SignatureStatement
        do {
            statement = try SignatureStatement(parsing: text)
        } catch {
            return (Check(subject: subject, passed: false, detail: "the statement is not in the form of docs/SIGNING.md §2: \(error)"), nil)
        }
        let who = "\(statement.signerName) (\(statement.roles.sorted().map(\.rawValue).joined(separator: ", ")))"
        guard statement.documentHash == documentHash else {
            return (Check(subject: who, passed: false, detail: "the statement's document-sha256 is \(Hex.encode(statement.documentHash, uppercase: true)), not the document's"), statement)
        }
        if let annexHash, statement.annexHash != annexHash {
            return (Check(subject: who, passed: false, detail: "the statement's annex-sha256 is not the hash of sekretessbilaga.html"), statement)
        }
        let key: Ed25519.PublicKey
        do {
            key = try Ed25519PEM.publicKey(fromPEM: String(decoding: pem, as: UTF8.self))
        } catch {
            return (Check(subject: who, passed: false, detail: "\(short(stem)).pem is not an Ed25519 public key: \(error)"), statement)
        }
        guard key.isValidSignature(signature, for: text) else {
            return (Check(subject: who, passed: false, detail: "the Ed25519 signature \(short(stem)).sig does not verify with \(short(stem)).pem"), statement)
        }
        return (Check(subject: who, passed: true, detail: "signed \(statement.time.iso8601(.milliseconds)); the signature verifies with key \(Hex.encode(key.bytes).prefix(16))…"), statement)
    }

    /// The log's chain, and the entry that made the document justerat.
    static func logChecks(files: [String: [UInt8]], documentHash: String, signatures: Int, statement: SignatureStatement?) -> [Check] {
        let names = files.keys.filter { $0.hasPrefix("logg/") && $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { return [Check(subject: "log", passed: false, detail: "the folder holds no log (logg/NNNNNN.txt)")] }
        let entries = names.compactMap { files[$0] }
        var checks: [Check] = []
        switch LogChain.verify(entries) {
        case .intact(let count, let head):
            checks.append(Check(subject: "log", passed: true, detail: "\(count) entries chain unbroken; head \(Hex.encode(head, uppercase: true))"))
        case .broken(let index, _, let reason):
            checks.append(Check(subject: "log", passed: false, detail: "\(short(names[index])) breaks the chain: \(reason)"))
            return checks
        }
        let parsed = entries.compactMap { try? LogEntry(parsing: $0) }
        let justering = parsed.last { ["justerat", "justerat-paragraf", "utdrag"].contains($0.event) && $0[field: "document-sha256"] == documentHash }
        guard let justering else {
            checks.append(Check(subject: "justering", passed: false, detail: "no log entry makes a document with this hash justerat"))
            return checks
        }
        var problems: [String] = []
        if justering[field: "signatures"] != "\(signatures)" { problems.append("it counts \(justering[field: "signatures"] ?? "-") signatures, the folder holds \(signatures)") }
        if let statement {
            if justering.committee != statement.committee { problems.append("it is another committee's") }
            if justering[field: "meeting"] != statement.meetingDate.description { problems.append("it names another meeting") }
            if justering[field: "revision"] != "\(statement.revision)" { problems.append("it names another revision") }
        }
        checks.append(Check(subject: "justering", passed: problems.isEmpty,
                            detail: problems.isEmpty ? "log entry \(justering.sequence) made it justerat at \(justering.time.iso8601(.milliseconds))"
                                                     : "log entry \(justering.sequence): " + problems.joined(separator: "; ")))
        return checks
    }
}
