import Foundation
import KansliCoding
import Testing

/// Nested containers, super encoders and decoders, coding paths, and the limits of streaming.
@Suite struct ContainerTests {
    /// A meeting written with hand-made nested containers.
    struct Meeting: Codable, Equatable {
        var date: String
        var chair: String
        var attendees: [String]

        enum CodingKeys: String, CodingKey { case date, details }
        enum DetailKeys: String, CodingKey { case chair, attendees }

        init(date: String, chair: String, attendees: [String]) {
            self.date = date
            self.chair = chair
            self.attendees = attendees
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            var details = container.nestedContainer(keyedBy: DetailKeys.self, forKey: .details)
            try details.encode(chair, forKey: .chair)
            var attendees = details.nestedUnkeyedContainer(forKey: .attendees)
            for attendee in self.attendees { try attendees.encode(attendee) }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let details = try container.nestedContainer(keyedBy: DetailKeys.self, forKey: .details)
            var attendees = try details.nestedUnkeyedContainer(forKey: .attendees)
            var names: [String] = []
            while !attendees.isAtEnd { names.append(try attendees.decode(String.self)) }
            self.attendees = names
            chair = try details.decode(String.self, forKey: .chair)
            date = try container.decode(String.self, forKey: .date)
        }
    }

    @Test func nestedKeyedAndUnkeyedContainersRoundTrip() throws {
        let meeting = Meeting(date: "2022-06-22", chair: "Carina Sammeli", attendees: ["Isak Utsi", "Lena Goldkuhl"])
        let bytes = try encoded(meeting)
        #expect(bytes == Wire.map([
            Wire.key("date") + Wire.string("2022-06-22"),
            Wire.key("details") + Wire.map([
                Wire.key("chair") + Wire.string("Carina Sammeli"),
                Wire.key("attendees") + Wire.array([Wire.string("Isak Utsi"), Wire.string("Lena Goldkuhl")]),
            ]),
        ]))
        #expect(try decoded(Meeting.self, bytes) == meeting)
    }

    /// Reads nested containers in any order and records the coding paths it sees.
    struct PathProbe: Decodable {
        var paths: [String] = []

        enum Keys: String, CodingKey { case a, b, x }

        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Keys.self)
            let a = try top.nestedContainer(keyedBy: Keys.self, forKey: .a)
            var b = try top.nestedUnkeyedContainer(forKey: .b)
            let fromB = try b.decode(Leaf.self)
            let fromA = try a.decode(Leaf.self, forKey: .x)
            paths = [fromA.path, fromB.path, a.codingPath.map(\.stringValue).joined(separator: "/")]
        }
    }

    /// Records the coding path it was decoded at.
    struct Leaf: Decodable {
        var path: String

        init(from decoder: any Decoder) throws {
            _ = try decoder.singleValueContainer().decode(Int.self)
            path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "/")
        }
    }

    @Test func interleavedNestedDecodingContainersKeepTheirOwnPaths() throws {
        let bytes = Wire.map([
            Wire.key("a") + Wire.map([Wire.key("x") + Wire.int(1)]),
            Wire.key("b") + Wire.array([Wire.int(2)]),
        ])
        #expect(try decoded(PathProbe.self, bytes).paths == ["a/x", "b/[0]", "a"])
    }

    @Test func allKeysAndContainsReflectTheMap() throws {
        struct Probe: Decodable {
            var keys: [String]
            var hasB: Bool
            var hasZ: Bool
            enum Keys: String, CodingKey { case a, b, z }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                keys = container.allKeys.map(\.stringValue)
                hasB = container.contains(.b)
                hasZ = container.contains(.z)
            }
        }
        let bytes = Wire.map([Wire.key("b") + [0x00], Wire.key("unknown") + [0x00], Wire.key("a") + [0x01]])
        let probe = try decoded(Probe.self, bytes)
        #expect(probe.keys == ["b", "a"])
        #expect(probe.hasB && !probe.hasZ)
    }

    @Test func superEncoderForAKeyNestsUnderThatKey() throws {
        struct Wrapper: Encodable {
            enum Keys: String, CodingKey { case base }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try Employee(name: "Åsa").encode(to: container.superEncoder(forKey: .base))
            }
        }
        #expect(try encoded(Wrapper()) == Wire.map([Wire.key("base") + Wire.map([Wire.key("name") + Wire.string("Åsa")])]))
    }

    @Test func anUnusedSuperEncoderLeavesAnEmptyMap() throws {
        struct Lazy: Encodable {
            enum Keys: String, CodingKey { case n }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                _ = container.superEncoder()
                try container.encode(1, forKey: .n)
            }
        }
        #expect(try encoded(Lazy()) == Wire.map([Wire.key("super") + Wire.map([]), Wire.key("n") + Wire.int(1)]))
    }

    @Test func unkeyedSuperEncoderAndDecoderUseTheNextElement() throws {
        struct List: Codable, Equatable {
            var name: String
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(1)
                try Employee(name: name).encode(to: container.superEncoder())
                try container.encode(3)
            }
            init(name: String) { self.name = name }
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                _ = try container.decode(Int.self)
                name = try Employee(from: container.superDecoder()).name
                _ = try container.decode(Int.self)
            }
        }
        #expect(try roundTripped(List(name: "Per")) == List(name: "Per"))
    }

    @Test func writingToAContainerAfterALaterSiblingWasStartedIsInvalidUsage() throws {
        struct OutOfOrder: Encodable {
            enum Keys: String, CodingKey { case a, b, x }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try nested.encode(1, forKey: .x)
                try container.encode(2, forKey: .b)   // closes `nested`
                try nested.encode(3, forKey: .x)      // too late
            }
        }
        do {
            _ = try encoded(OutOfOrder())
            Issue.record("expected invalidUsage")
        } catch let error as BinaryCodingError {
            #expect(error.code == .invalidUsage)
            #expect(error.message.contains("can no longer be written to"))
        }
    }

    @Test func twoValuesInOneSingleValueContainerAreInvalidUsage() throws {
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(1)
                try container.encode(2)
            }
        }
        #expect(throws: BinaryCodingError.self) { try encoded(Twice()) }
    }

    @Test func askingForTheKeyedContainerTwiceWritesOneMap() throws {
        struct Twice: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: Keys.self)
                try first.encode(1, forKey: .a)
                var second = encoder.container(keyedBy: Keys.self)
                try second.encode(2, forKey: .b)
            }
        }
        #expect(try encoded(Twice()) == Wire.map([Wire.key("a") + Wire.int(1), Wire.key("b") + Wire.int(2)]))
    }

    @Test func aValueThatThrowsLeavesNoPartialEntryBehind() throws {
        struct Failing: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode("half written")
                throw CancellationError()
            }
        }
        struct Tolerant: Encodable {
            enum Keys: String, CodingKey { case before, failing, after }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .before)
                do { try container.encode(Failing(), forKey: .failing) } catch {}
                try container.encode(2, forKey: .after)
            }
        }
        #expect(try encoded(Tolerant()) == Wire.map([Wire.key("before") + Wire.int(1), Wire.key("after") + Wire.int(2)]))
    }

    @Test func errorsThrownByATypePassThroughAndEncodingErrorsAreConverted() throws {
        struct Cancelling: Encodable {
            func encode(to encoder: any Encoder) throws { throw CancellationError() }
        }
        #expect(throws: CancellationError.self) { try encoded(Cancelling()) }
        struct Refusing: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: encoder.codingPath, debugDescription: "no"))
            }
        }
        do {
            _ = try encoded(["x": Refusing()])
            Issue.record("expected an error")
        } catch let error as BinaryCodingError {
            #expect(error.code == .invalidValue)
            #expect(error.codingPath == [.key("x")])
        }
    }

    @Test func encoderCodingPathsNameKeysAndIndices() throws {
        struct Recorder: Encodable {
            static let paths = PathLog()
            func encode(to encoder: any Encoder) throws {
                Self.paths.append(encoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "/"))
                var container = encoder.singleValueContainer()
                try container.encode(true)
            }
        }
        struct Outer: Encodable { var list: [Recorder]; var map: [String: Recorder] }
        _ = try encoded(Outer(list: [Recorder(), Recorder()], map: ["k": Recorder()]))
        #expect(Recorder.paths.values.sorted() == ["list/[0]", "list/[1]", "map/k"])
    }

    @Test("a Set, or a dictionary keyed by anything but String or Int, is refused with a message that says what to use")
    func unsupportedCollectionsAreRefusedWhenEncoding() throws {
        enum Role: String, Codable { case chair, member }
        struct Message: Codable { var byRole: [Role: Int] }
        for (value, name) in [(Set(["S", "M"]) as any Encodable, "Set<String>"),
                              ([true: 1] as [Bool: Int], "Dictionary<Bool, Int>"),
                              (Message(byRole: [.chair: 1]), "Dictionary<Role, Int>")] {
            do {
                _ = try BinaryEncoder().encode(value)
                Issue.record("expected unsupportedType for \(name)")
            } catch let error as BinaryCodingError {
                #expect(error.code == .unsupportedType)
                #expect(error.message.hasPrefix(name + " cannot be encoded"), "\(error.message)")
                #expect(error.message.contains("String or Int"))
            }
        }
        // The path says where: inside a struct, the property.
        #expect(encodingError(Message(byRole: [.member: 2]))?.codingPath == [.key("byRole")])
    }

    @Test("a dictionary keyed by anything but String or Int is refused when decoding too")
    func unsupportedDictionariesAreRefusedWhenDecoding() throws {
        let pairs = Wire.array([[0x02], Wire.int(1)])
        #expect(decodingError([Bool: Int].self, pairs)?.code == .unsupportedType)
        #expect(decodingError([Bool: Int].self, Wire.map([]))?.code == .unsupportedType)
    }
}

/// A thread-safe list of strings the tests append to from `encode(to:)`.
final class PathLog: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ value: String) { lock.withLock { storage.append(value) } }
    var values: [String] { lock.withLock { storage } }
}
