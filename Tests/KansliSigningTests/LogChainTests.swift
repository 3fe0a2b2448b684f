import KansliCrypto
import KansliPlatform
import KansliTestSupport
import Testing
@testable import KansliSigning

@Suite("The committee log")
struct LogChainTests {
    static let seedHash = "A43C61BA408EC77122178361E119AB31D968849A67B01C25A4DF96311E52DCC5"

    static func example() -> [LogEntry] {
        let justerat = LogEntry(committee: "NBE", sequence: 1, previousHash: LogEntry.noPrevious,
                                time: Timestamp(iso8601: "2022-07-04T08:42:00.000Z")!, event: "justerat",
                                fields: [.init("meeting", "2022-06-22"), .init("revision", "1"),
                                         .init("document-sha256", seedHash), .init("annex-sha256", "-"),
                                         .init("signatures", "4")])
        let anslag = LogEntry(committee: "NBE", sequence: 2, previousHash: try! justerat.hash(),
                              time: Timestamp(iso8601: "2022-07-08T07:00:00.000Z")!, event: "anslag",
                              fields: [.init("meeting", "2022-06-22"), .init("party", "lulea"), .init("posted-on", "2022-07-08")])
        return [justerat, anslag]
    }

    /// A chain of `count` entries.
    static func chain(_ count: Int) throws -> [[UInt8]] {
        var previous = LogEntry.noPrevious
        var entries: [[UInt8]] = []
        for sequence in 1...count {
            let entry = LogEntry(committee: "NBE", sequence: sequence, previousHash: previous,
                                 time: Timestamp(secondsSince1970: 1_656_000_000 + Int64(sequence)), event: "anslag",
                                 fields: [.init("party", "party-\(sequence % 14)"), .init("posted-on", "2022-07-08")])
            let bytes = try entry.bytes()
            entries.append(bytes)
            previous = SHA256.hash(bytes)
        }
        return entries
    }

    @Test("the worked example of docs/SIGNING.md is what the code writes, and its hashes are the ones stated")
    func workedExample() throws {
        let entries = Self.example()
        #expect(try entries[0].bytes() == SigningDocument.block("log-example-1"))
        #expect(try entries[1].bytes() == SigningDocument.block("log-example-2"))
        #expect(Hex.encode(try entries[0].hash(), uppercase: true) == (try SigningDocument.hash(after: "Its hash (320 bytes)")))
        let head = try SigningDocument.hash(after: "the log's head")
        #expect(LogChain.verify(try entries.map { try $0.bytes() }) == .intact(entries: 2, head: Hex.decode(head)!))
        #expect(try LogEntry(parsing: SigningDocument.block("log-example-2")) == entries[1])
        #expect(entries[1][field: "posted-on"] == "2022-07-08")
    }

    @Test("an independent implementation (Python's hashlib) computes the same head for a chain of 500")
    func headAgreesWithPython() throws {
        let entries = try Self.chain(500)
        guard case .intact(_, let head) = LogChain.verify(entries) else { Issue.record("the chain is broken"); return }
        let script = """
            import sys, hashlib
            data = sys.stdin.buffer.read()
            entries = [e + b"\\n" for e in data.split(b"\\n\\n") if e]
            previous = "0" * 64
            for index, entry in enumerate(entries):
                lines = entry.decode().split("\\n")
                assert lines[3] == "previous-sha256: " + previous, index
                previous = hashlib.sha256(entry).hexdigest().upper()
            print(previous)
            """
        // Entries joined by an empty line, which no entry contains.
        let input: [UInt8] = entries.flatMap { $0 + [UInt8(0x0A)] }
        let output = String(decoding: try Python.run(script, input: input), as: UTF8.self)
        #expect(output == Hex.encode(head, uppercase: true) + "\n")
    }

    @Test("a changed byte anywhere is found, and the first broken entry is named")
    func tamperingIsFound() throws {
        let entries = try Self.chain(40)
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<200 {
            var tampered = entries
            let index = Int.random(in: 0..<entries.count, using: &generator)
            let offset = Int.random(in: 0..<entries[index].count, using: &generator)
            tampered[index][offset] ^= UInt8.random(in: 1...255, using: &generator)
            guard case .broken(let at, _, _) = LogChain.verify(tampered) else {
                Issue.record("a change in entry \(index) at byte \(offset) went unnoticed")
                continue
            }
            // The changed entry itself fails to parse, or the next one no longer links to it.
            #expect(at == index || at == index + 1, "changed \(index), reported \(at)")
        }
    }

    @Test("a removed, repeated or reordered entry, another committee and a time going back are each named")
    func structuralBreaks() throws {
        let entries = try Self.chain(5)
        var removed = entries
        removed.remove(at: 2)
        #expect(LogChain.verify(removed) == .broken(at: 2, sequence: 4, reason: "sequence 4 where 3 was due"))
        #expect(LogChain.verify([entries[0], entries[0]]) == .broken(at: 1, sequence: 1, reason: "sequence 1 where 2 was due"))

        var other = try LogEntry(parsing: entries[1])
        other.committee = "GNS"
        guard case .broken(1, 2, let reason) = LogChain.verify([entries[0], try other.bytes()]) else {
            Issue.record("another committee's entry was accepted"); return
        }
        #expect(reason.contains("GNS"))

        var earlier = try LogEntry(parsing: entries[1])
        earlier.time = Timestamp(secondsSince1970: 1_600_000_000)
        guard case .broken(1, 2, let timeReason) = LogChain.verify([entries[0], try earlier.bytes()]) else {
            Issue.record("a time going back was accepted"); return
        }
        #expect(timeReason.contains("earlier"))

        var relinked = try LogEntry(parsing: entries[1])
        relinked.previousHash = SHA256.hash(Array("forged".utf8))
        guard case .broken(1, 2, let linkReason) = LogChain.verify([entries[0], try relinked.bytes()]) else {
            Issue.record("a forged link was accepted"); return
        }
        #expect(linkReason.contains("previous-sha256"))
    }

    @Test("the tail of a chain checks from a known entry; an empty log's head is the zero hash")
    func tailAndEmpty() throws {
        let entries = try Self.chain(10)
        #expect(LogChain.verify([]) == .intact(entries: 0, head: LogEntry.noPrevious))
        guard case .intact(_, let head) = LogChain.verify(entries) else { Issue.record("broken"); return }
        #expect(LogChain.verify(Array(entries[6...]), after: (sequence: 6, hash: SHA256.hash(entries[5])))
                == .intact(entries: 4, head: head))
    }

    @Test("names and values an entry cannot carry are refused")
    func invalidEntries() {
        var entry = Self.example()[1]
        entry.fields.append(.init("party", "pitea"))
        #expect(throws: SigningFormatError.self) { try entry.text() }
        entry = Self.example()[1]
        entry.event = "Anslag"
        #expect(throws: SigningFormatError.self) { try entry.text() }
        entry = Self.example()[1]
        entry.fields[0].value = ""
        #expect(throws: SigningFormatError.self) { try entry.text() }
        entry = Self.example()[1]
        entry.fields.append(.init("sequence", "9"))
        #expect(throws: SigningFormatError.self) { try entry.text() }
    }
}
