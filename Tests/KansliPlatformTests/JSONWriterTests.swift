import Foundation
import KansliPlatform
import KansliTestSupport
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    struct Member: Encodable {
        var name: String
        var seat: Int
        var substitute: String?
        var shares: [Double]
    }

    struct Nested: Encodable {
        var twice: Int??
        var list: [Int?]
        var empty: [String: Int]
        var none: [Int]
    }

    static let compact = JSONWriter(layout: .compact)
    static let pretty = JSONWriter(layout: .pretty)

    @Test("keys are sorted by code point; pretty output indents by two spaces")
    func layout() throws {
        let member = Member(name: "Åsa", seat: 2, substitute: nil, shares: [0.5, 1])
        #expect(try Self.compact.string(member) == #"{"name":"Åsa","seat":2,"shares":[0.5,1.0]}"#)
        #expect(try Self.pretty.string(member) == """
            {
              "name": "Åsa",
              "seat": 2,
              "shares": [
                0.5,
                1.0
              ]
            }
            """)
        #expect(try Self.compact.string(["b": 1, "a": 2, "B": 3, "é": 4, "z": 5]) == #"{"B":3,"a":2,"b":1,"z":5,"é":4}"#)
    }

    @Test("control characters, quotes and backslashes are escaped; / U+007F U+2028 and non-ASCII are not")
    func escaping() throws {
        let text = "a\"b\\c/d\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{2028}\u{2029}€😀"
        #expect(try Self.compact.string([text])
                == "[\"a\\\"b\\\\c/d\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u{7F}\u{2028}\u{2029}€😀\"]")
    }

    @Test("empty containers, nil in arrays, and nested optionals")
    func edgeCases() throws {
        let value = Nested(twice: .some(nil), list: [1, nil, 3], empty: [:], none: [])
        #expect(try Self.compact.string(value) == #"{"empty":{},"list":[1,null,3],"none":[],"twice":null}"#)
        #expect(try Self.compact.string(Nested(twice: nil, list: [], empty: [:], none: [])) == #"{"empty":{},"list":[],"none":[]}"#)
        #expect(try Self.pretty.string(Nested(twice: 7, list: [], empty: [:], none: [])) == """
            {
              "empty": {},
              "list": [],
              "none": [],
              "twice": 7
            }
            """)
        #expect(try Self.compact.string(Optional<Int>.none) == "null")
        #expect(try Self.compact.string("top") == #""top""#)
    }

    @Test("integers of every width are exact")
    func integers() throws {
        #expect(try Self.compact.string([Int64.min, Int64.max]) == "[-9223372036854775808,9223372036854775807]")
        #expect(try Self.compact.string([UInt64.max]) == "[18446744073709551615]")
        #expect(try Self.compact.string([Int8.min]) == "[-128]")
        #expect(try Self.compact.string([UInt128.max]) == "[340282366920938463463374607431768211455]")
    }

    @Test("doubles are the shortest decimal that reads back, laid out as Python's repr")
    func doubles() throws {
        let cases: [(Double, String)] = [
            (0, "0.0"), (-0.0, "-0.0"), (1, "1.0"), (0.1, "0.1"), (100, "100.0"), (1e15, "1000000000000000.0"),
            (1e16, "1e+16"), (1.5e16, "1.5e+16"), (0.0001, "0.0001"), (0.00001, "1e-05"), (123.456, "123.456"),
            (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5e-7, "-2.5e-07"),
            (Double(1 << 53) + 2, "9007199254740994.0"), (0.30000000000000004, "0.30000000000000004"),
        ]
        for (value, text) in cases {
            #expect(try Self.compact.string([value]) == "[\(text)]")
        }
    }

    @Test("NaN and infinity are refused with the path of the value")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try Self.compact.encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try Self.compact.encode([Float.infinity]) }
    }

    @Test("the same value always gives the same bytes, whatever the dictionary's order")
    func deterministic() throws {
        var first: [String: Int] = [:], second: [String: Int] = [:]
        for index in 0..<200 { first["k\(index)"] = index }
        for index in (0..<200).reversed() { second["k\(index)"] = index }
        #expect(try Self.pretty.encode(first) == Self.pretty.encode(second))
    }

    // MARK: Against Python's json

    /// A JSON-shaped random value.
    indirect enum Value: Encodable {
        case null, bool(Bool), int(Int64), double(Double), string(String), array([Value]), object([String: Value])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let flag): try container.encode(flag)
            case .int(let number): try container.encode(number)
            case .double(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            case .array(let elements): try container.encode(elements)
            case .object(let members): try container.encode(members)
            }
        }

        static func random(depth: Int, using generator: inout SeededGenerator) -> Value {
            switch Int.random(in: 0..<(depth > 3 ? 6 : 8), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .int(Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0...63, using: &generator))
            case 3:
                // Any finite bit pattern, or a short decimal.
                let bits = Double(bitPattern: UInt64.random(in: .min ... .max, using: &generator))
                return .double(bits.isFinite ? bits : Double(Int.random(in: -1000...1000, using: &generator)) / 8)
            case 4, 5: return .string(randomString(using: &generator))
            case 6:
                return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) })
            default:
                var members: [String: Value] = [:]
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    members[randomString(using: &generator)] = random(depth: depth + 1, using: &generator)
                }
                return .object(members)
            }
        }

        static let alphabet: [Unicode.Scalar] = ["a", "b", "Z", "/", "\"", "\\", "\u{0}", "\u{8}", "\u{1F}", "\n", "\t",
                                                 "\u{7F}", "é", "Å", "\u{2028}", "\u{FEFF}", "€", "😀", "𝄞", " "]

        static func randomString(using random: inout SeededGenerator) -> String {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                text.append(alphabet.randomElement(using: &random)!)
            }
            return String(text)
        }
    }

    /// Reads one compact JSON document per line and prints, per line, a JSON array of two
    /// strings: Python's pretty and compact forms of it (ASCII-escaped, so each fits on a line).
    static let script = """
        import sys, json
        out = []
        for line in sys.stdin.read().split("\\n"):
            if not line: continue
            value = json.loads(line)
            pretty = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
            compact = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            out.append(json.dumps([pretty, compact], ensure_ascii=True))
        sys.stdout.write("\\n".join(out) + "\\n")
        """

    @Test("pretty and compact output equal Python's json.dumps(sort_keys=True, ensure_ascii=False) on 2 000 seeded values",
          .enabled(if: Python.executablePath != nil, "python3 is not on PATH: the json comparison did not run"))
    func matchesPython() throws {
        var random = SeededGenerator(seed: 8259)
        let values = (0..<2_000).map { _ in Value.random(depth: 0, using: &random) }
        // Python parses our compact text (one line each: newlines in strings are escaped) and
        // writes both layouts; ours must be the same bytes. A parse failure fails the test too.
        let input = try values.map { try Self.compact.string($0) }
        let answers = try Python.lines(Self.script, input: input)
        #expect(answers.count == values.count)
        for (index, answer) in answers.enumerated() where index < values.count {
            // Python's two strings, decoded by Foundation: an independent reader of its output.
            let expected = try JSONDecoder().decode([String].self, from: Data(answer.utf8))
            #expect(expected.count == 2)
            #expect(try Self.pretty.string(values[index]) == expected.first, "pretty \(input[index])")
            #expect(input[index] == expected.last, "compact \(input[index])")
        }
    }
}
