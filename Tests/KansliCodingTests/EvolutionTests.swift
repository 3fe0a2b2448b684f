import Foundation
import KansliCoding
import Testing

/// Two versions of a message type can talk to each other: unknown keys are skipped, missing
/// optionals decode as nil.
@Suite struct EvolutionTests {
    /// The first version of a party record.
    struct PartyV1: Codable, Equatable {
        var id: String
        var name: String
        var population: Int
    }

    /// The second version: an extra optional field and an extra nested struct.
    struct PartyV2: Codable, Equatable {
        var id: String
        var name: String
        var population: Int
        var organisationNumber: String?
        var contact: Contact?

        struct Contact: Codable, Equatable {
            var person: String
            var email: String
            var phones: [String]
        }
    }

    let v1 = PartyV1(id: TestID.make(3), name: "Luleå kommun", population: 79_000)
    let v2 = PartyV2(id: TestID.make(3), name: "Luleå kommun", population: 79_000,
                     organisationNumber: "212000-2627",
                     contact: .init(person: "Carina Sammeli", email: "kommun@lulea.example", phones: ["0920-45 30 00"]))

    @Test func anOldReaderSkipsTheFieldsItDoesNotKnow() throws {
        #expect(try decoded(PartyV1.self, try encoded(v2)) == v1)
    }

    @Test func aNewReaderDecodesMissingOptionalsAsNil() throws {
        let upgraded = try decoded(PartyV2.self, try encoded(v1))
        #expect(upgraded == PartyV2(id: v1.id, name: v1.name, population: v1.population, organisationNumber: nil, contact: nil))
    }

    @Test func aNewValueWithoutItsNewFieldsHasTheOldBytes() throws {
        let bare = PartyV2(id: v1.id, name: v1.name, population: v1.population, organisationNumber: nil, contact: nil)
        #expect(try encoded(bare) == encoded(v1))
    }

    @Test func arraysOfNewValuesDecodeAsArraysOfOldValues() throws {
        let list = [v2, v2, v2]
        #expect(try decoded([PartyV1].self, try encoded(list)) == [v1, v1, v1])
    }

    @Test func unknownFieldsAreSkippedByTheirByteCountWithoutBeingParsed() throws {
        // An unknown field whose body is not even well formed inside: skipping uses only the count.
        let garbage: [UInt8] = [0x08, 0x05, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]
        let bytes = Wire.map([
            Wire.key("id") + Wire.string(v1.id),
            Wire.key("future") + garbage,
            Wire.key("name") + Wire.string(v1.name),
            Wire.key("population") + Wire.int(79_000),
        ])
        #expect(try decoded(PartyV1.self, bytes) == v1)
    }

    @Test func fieldsMayArriveInAnyOrder() throws {
        let bytes = Wire.map([
            Wire.key("population") + Wire.int(79_000),
            Wire.key("name") + Wire.string(v1.name),
            Wire.key("id") + Wire.string(v1.id),
        ])
        #expect(try decoded(PartyV1.self, bytes) == v1)
    }

    @Test func anExplicitNilDecodesAsAMissingOptional() throws {
        let bytes = Wire.map([
            Wire.key("id") + Wire.string(v1.id),
            Wire.key("name") + Wire.string(v1.name),
            Wire.key("population") + Wire.int(79_000),
            Wire.key("contact") + [0x00],
        ])
        #expect(try decoded(PartyV2.self, bytes).contact == nil)
    }

    @Test func aMissingRequiredFieldIsAKeyNotFoundErrorNamingTheKey() throws {
        let bytes = Wire.map([Wire.key("name") + Wire.string("Boden")])
        let error = decodingError(PartyV1.self, bytes)
        #expect(error?.code == .keyNotFound)
        #expect(error?.message.contains("\"id\"") == true)
    }
}
