import KansliCoding
import KansliProtocol
import Testing

/// What a client sees when its payload does not decode: the field path, the problem and the
/// offending value, shortened; never a Swift type name. The coder's error stays in `cause`.
@Suite("Coder failures as the errors a client sees")
struct ProtocolCodingTests {
    /// A party kind, as the registry's `PartyKind` (a String raw value).
    enum Kind: String, Codable { case municipality, region }

    /// A party of a request.
    struct Party: Codable {
        var name: String
        var kind: Kind
        var seats: UInt8
    }

    /// A request holding parties, as `registry.committee.create` does.
    struct Request: Codable {
        var committee: String
        var parties: [Party]
    }

    /// What a client's request looks like on the wire: `Request`, but with the kind as free text
    /// and the seats as any integer, so that a test can put anything there.
    struct LooseRequest: Codable {
        struct Party: Codable { var name: String; var kind: String; var seats: Int }
        var committee: String
        var parties: [Party]
    }

    /// Three good parties, with the third one's kind and seats replaced.
    static func payload(kind: String = "region", seats: Int = 1) throws -> [UInt8] {
        try ProtocolCoding.encode(LooseRequest(committee: "NBE", parties: [
            .init(name: "Luleå kommun", kind: "municipality", seats: 2),
            .init(name: "Bodens kommun", kind: "municipality", seats: 1),
            .init(name: "Region Norrbotten", kind: kind, seats: seats),
        ]))
    }

    /// The `ServiceError` that decoding `bytes` as a `Request` throws.
    static func failure(_ bytes: [UInt8]) -> ServiceError? {
        do {
            _ = try ProtocolCoding.decode(Request.self, from: bytes, what: "registry.committee.create request")
            Issue.record("the payload decoded")
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown enum raw value deep inside names parties[2].kind and quotes the value, no Swift type name")
    func unknownEnumValue() throws {
        let error = try #require(Self.failure(try Self.payload(kind: "kommunalförbund")))
        #expect(error.code == .badRequest)
        #expect(error.field == "parties[2].kind")
        #expect(error.message == #"malformed registry.committee.create request: parties[2].kind: "kommunalförbund" is not one of the accepted values"#)
        #expect(!error.message.contains("Kind"))
        #expect(!error.message.contains("Cannot initialize"))
        // The coder's error is kept for the log and tests, not sent.
        let cause = try #require(error.cause as? BinaryCodingError)
        #expect(cause.code == .invalidValue)
        #expect(cause.offendingValue == "kommunalförbund")
    }

    @Test("a long offending value is quoted shortened, so a 1 MiB value cannot make a 1 MiB message")
    func longValueIsShortened() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let error = try #require(Self.failure(try Self.payload(kind: huge)))
        #expect(error.field == "parties[2].kind")
        #expect(error.message.contains(ServiceError.quote(huge)))
        #expect(error.message.count < 200)
        // The coder keeps only a bounded prefix of the value, too.
        let cause = try #require(error.cause as? BinaryCodingError)
        #expect(cause.offendingValue?.utf8.count == BinaryCodingError.offendingValueLimit)
    }

    @Test("a number out of range names the field and the range, not the Swift integer type")
    func numberOutOfRange() throws {
        let error = try #require(Self.failure(try Self.payload(seats: 300)))
        #expect(error.code == .badRequest)
        #expect(error.field == "parties[2].seats")
        #expect(error.message.hasSuffix("parties[2].seats: 300 is outside the range 0…255"))
        #expect(!error.message.contains("UInt8"))
    }

    @Test("a missing required field and a wrong type name the field and say what was expected")
    func missingFieldAndWrongType() throws {
        struct NoParties: Codable { var committee: String }
        let missing = try #require(Self.failure(try ProtocolCoding.encode(NoParties(committee: "NBE"))))
        #expect(missing.code == .badRequest)
        #expect(missing.message.contains(#"no value for the key "parties""#))
        #expect(!missing.message.contains("CodingKeys"))

        struct NumberName: Codable { var committee: Int; var parties: [Int] }
        let wrong = try #require(Self.failure(try ProtocolCoding.encode(NumberName(committee: 5, parties: []))))
        #expect(wrong.field == "committee")
        #expect(wrong.message.hasSuffix("committee: expected a string (0x06), found signed integer (0x03)"))
    }

    @Test("malformed bytes give bad_request with the coder's account of the bytes, never a type name")
    func malformedBytes() throws {
        let good = try Self.payload()
        let truncated = try #require(Self.failure(Array(good.prefix(good.count - 3))))
        #expect(truncated.code == .badRequest)
        #expect(truncated.message.hasPrefix("malformed registry.committee.create request: "))
        #expect(!truncated.message.contains("Request"))
        let retired = try #require(Self.failure([0x0B] + [UInt8](repeating: 0, count: 16)))
        #expect(retired.message.contains("0x0B is not a value tag"))
    }

    @Test("a type's own refusal keeps its own words, shortened, with the value quoted")
    func typeOwnDescription() throws {
        struct Day: Codable {
            var text: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                text = try container.decode(String.self)
                guard text.count == 10 else {
                    throw DecodingError.dataCorruptedError(in: container,
                        debugDescription: "expected a date as yyyy-MM-dd, got \"\(text)\"")
                }
            }
        }
        struct Meeting: Codable { var day: Day }
        struct LooseMeeting: Codable { var day: String }
        let long = String(repeating: "2", count: 10_000)
        do {
            _ = try ProtocolCoding.decode(Meeting.self, from: try ProtocolCoding.encode(LooseMeeting(day: long)), what: "meeting")
            Issue.record("decoded")
        } catch {
            #expect(error.field == "day")
            #expect(error.message.hasPrefix(#"malformed meeting: day: "2222"#))
            #expect(error.message.contains("is refused: expected a date as yyyy-MM-dd"))
            #expect(error.message.count < 300)
        }
    }

    @Test("a message type the coder cannot carry is our defect (internal), and the client is not told its type")
    func unsupportedTypeIsInternal() throws {
        struct Tagged: Codable { var tags: Set<String> }
        do {
            _ = try ProtocolCoding.encode(Tagged(tags: ["a"]))
            Issue.record("encoded a Set")
        } catch {
            #expect(error.code == .internal)
            #expect(!error.message.contains("Set"))
            #expect((error.cause as? BinaryCodingError)?.code == .unsupportedType)
        }
        struct ByFlag: Codable { var byFlag: [Bool: Int] }
        struct Empty: Codable { var byFlag: [Int] }
        do {
            _ = try ProtocolCoding.decode(ByFlag.self, from: try ProtocolCoding.encode(Empty(byFlag: [])), what: "x")
            Issue.record("decoded a Bool-keyed dictionary")
        } catch {
            #expect(error.code == .internal)
            #expect(!error.message.contains("Dictionary"))
        }
    }
}
