import KansliProtocol
import Testing

@testable import RegistryAPI

/// The registry's enumerations decode from their raw strings and refuse any other string with a
/// short message that quotes it shortened and lists the accepted values.
@Suite("RegistryEnumeration")
struct RegistryEnumerationTests {
    /// A message with a `kind` field that holds any string, to send what a typed client cannot.
    struct Loose: Codable {
        var kind: String
    }

    /// The same message as a typed one.
    struct Typed<Kind: RegistryEnumeration>: Codable {
        var kind: Kind
    }

    /// `text` sent as `kind` and decoded as a `Kind`.
    static func decode<Kind: RegistryEnumeration>(_ text: String, as _: Kind.Type) throws(ServiceError) -> Kind {
        try ProtocolCoding.decode(Typed<Kind>.self, from: ProtocolCoding.encode(Loose(kind: text)), what: "test").kind
    }

    @Test("Every value of every enumeration round-trips through its raw string")
    func everyValueRoundTrips() throws {
        for kind in KeyKind.allCases { #expect(try Self.decode(kind.rawValue, as: KeyKind.self) == kind) }
        for kind in AppointmentKind.allCases { #expect(try Self.decode(kind.rawValue, as: AppointmentKind.self) == kind) }
        for kind in PartyKind.allCases { #expect(try Self.decode(kind.rawValue, as: PartyKind.self) == kind) }
        for role in CommitteeRole.allCases { #expect(try Self.decode(role.rawValue, as: CommitteeRole.self) == role) }
        for role in StaffRole.allCases { #expect(try Self.decode(role.rawValue, as: StaffRole.self) == role) }
        for basis in SubstitutionBasis.allCases {
            #expect(try Self.decode(basis.rawValue, as: SubstitutionBasis.self) == basis)
        }
        // The encoding is still the raw string itself.
        #expect(try ProtocolCoding.encode(Typed(kind: KeyKind.budgetTurnover))
                == ProtocolCoding.encode(Loose(kind: "budget-turnover")))
    }

    @Test("An unknown value is bad_request naming the accepted values; a 1 MiB one makes a message under 300 bytes")
    func unknownValueIsQuotedShortened() {
        do {
            _ = try Self.decode("Population", as: KeyKind.self)
            Issue.record("Population was accepted")
        } catch {
            #expect(error.code == .badRequest)
            #expect(error.message.contains("\"Population\" is not a KeyKind: use one of population, pupils, budget-turnover"),
                    "\(error.message)")
        }
        do {
            _ = try Self.decode(String(repeating: "x", count: 1 << 20), as: KeyKind.self)
            Issue.record("a 1 MiB kind was accepted")
        } catch {
            #expect(error.code == .badRequest)
            #expect(error.message.utf8.count < 300, "\(error.message.utf8.count) bytes")
        }
    }
}
