import FinanceAPI
import Foundation
import KansliCoding
import KansliProtocol
import Testing

/// Keeps the finance parts of docs/PROTOCOL.md §6 true to the code, the way
/// Tests/RegistryAPITests/ProtocolMessagesDocTests.swift keeps the registry's: the finance method
/// table is `FinanceMethods.all` with its message types, and 6.5 has one entry per finance type,
/// in alphabetical order, whose field tables name exactly the fields the encoder writes, in its
/// order, with the presence the decoder has.
@Suite("Protocol spec, finance methods and types")
struct FinanceProtocolDocTests {
    @Test("the finance method table lists exactly FinanceMethods: ids, names, access, roles, message types")
    func methodTable() throws {
        let documented = Spec.tableRows(in: try Spec.section("finance-method-table")).filter { $0.count == 7 }
            .map { "\($0[0]) \($0[1]) \($0[2]) \($0[3]) \($0[4]) \($0[5])" }
        #expect(documented == Self.methods)
        #expect(Self.methods.count == FinanceMethods.all.count, "the test's list covers FinanceMethods.all")
        #expect(FinanceMethods.all.allSatisfy { MethodRange.finance.contains($0.id) })
        #expect(Set(FinanceMethods.all.map(\.id)).count == FinanceMethods.all.count, "no id twice")
    }

    static let methods: [String] = [
        row(FinanceMethods.budgetCreate), row(FinanceMethods.budgetUpdate), row(FinanceMethods.budgetAdopt),
        row(FinanceMethods.budgetJustera), row(FinanceMethods.budgetClose), row(FinanceMethods.budgetRevise),
        row(FinanceMethods.budgetIndex), row(FinanceMethods.budgetGet), row(FinanceMethods.budgetList),
        row(FinanceMethods.allocationPreview), row(FinanceMethods.allocationRun), row(FinanceMethods.allocationGet),
    ]

    static func row<Request, Response>(_ method: KansliProtocol.Method<Request, Response>) -> String {
        let digits = String(method.id, radix: 16, uppercase: true)
        return "0x\(String(repeating: "0", count: 4 - digits.count))\(digits) \(method.name) \(method.access.rawValue) "
            + "\(method.roles) \(typeName(Request.self)) \(typeName(Response.self))"
    }

    static func typeName<T>(_ type: T.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array<"), name.hasSuffix(">") { return "[" + name.dropFirst(6).dropLast() + "]" }
        return name
    }

    @Test("6.5 has one entry per finance type, in alphabetical order")
    func entries() throws {
        let names = try Spec.typeEntries().map(\.name)
        #expect(names == names.sorted())
        let expected = try Samples.all().map(\.name) + Samples.enumerations.map(\.name) + ["Money"]
        #expect(Set(names) == Set(expected))
        for name in Set(names).symmetricDifference(expected).sorted() {
            Issue.record("type \(name) is in only one of the spec and the test's samples")
        }
    }

    @Test("every finance type's table lists exactly the fields Kansli writes, in its order, with the decoder's presence")
    func fields() throws {
        let entries = Dictionary(try Spec.typeEntries().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for sample in try Samples.all() {
            guard let entry = entries[sample.name] else { continue }
            let written = try Wire.mapEntries(sample.encoded)
            #expect(entry.fields.map(\.name) == written.map(\.key), "\(sample.name)")
            for field in entry.fields {
                let without = Wire.map(written.filter { $0.key != field.name })
                if field.presence == "required" {
                    #expect(throws: (any Error).self, "\(sample.name).\(field.name) must be required") { try sample.roundTrip(without) }
                } else {
                    #expect(throws: Never.self, "\(sample.name).\(field.name) may be left out") { try sample.roundTrip(without) }
                }
            }
        }
    }

    @Test("every finance enumeration lists exactly its wire values")
    func enumerations() throws {
        let entries = Dictionary(try Spec.typeEntries().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for enumeration in Samples.enumerations {
            #expect(entries[enumeration.name]?.rows.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`\"")) }
                        == enumeration.values, "\(enumeration.name)")
        }
    }

    @Test("money travels as one integer of öre")
    func money() throws {
        #expect(try BinaryEncoder().encode(Money(kronor: 1)) == BinaryEncoder().encode(Int64(100)))
    }
}

extension FinanceProtocolDocTests {
    enum Spec {
        struct Failure: Error, CustomStringConvertible { var description: String }

        struct TypeEntry {
            var name: String
            var rows: [[String]]
            var fields: [(name: String, presence: String)] {
                rows.filter { $0.count == 4 }.map { ($0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), $0[2]) }
            }
        }

        static func section(_ name: String) throws -> String {
            let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let text = try String(contentsOf: root.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
            guard let start = text.range(of: "<!-- \(name) -->"),
                  let end = text.range(of: "<!-- /\(name) -->", range: start.upperBound..<text.endIndex)
            else { throw Failure(description: "docs/PROTOCOL.md has no section \(name)") }
            return String(text[start.upperBound..<end.lowerBound])
        }

        /// Table rows without header and separator; a cell that is one code span loses its backticks.
        static func tableRows(in text: some StringProtocol) -> [[String]] {
            var rows: [[String]] = []
            var inTable = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("|") else {
                    inTable = false
                    continue
                }
                let isHeader = !inTable
                inTable = true
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if isHeader || cells.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }
                rows.append(cells.map { cell in
                    cell.count >= 2 && cell.hasPrefix("`") && cell.hasSuffix("`") && !cell.dropFirst().dropLast().contains("`")
                        ? String(cell.dropFirst().dropLast()) : cell
                })
            }
            return rows
        }

        static func typeEntries() throws -> [TypeEntry] {
            var entries: [TypeEntry] = []
            var current: (name: String, body: String)?
            func finish() { if let current { entries.append(TypeEntry(name: current.name, rows: tableRows(in: current.body))) } }
            for line in try section("finance-types").split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#### ") {
                    finish()
                    current = (line.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: "` ")), "")
                } else {
                    current?.body += line + "\n"
                }
            }
            finish()
            return entries
        }
    }

    /// Just enough of the value format to take a map apart and put it back together.
    enum Wire {
        struct Failure: Error { var description: String }

        static func varint(_ bytes: [UInt8], _ index: inout Int) throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            throw Failure(description: "truncated varint")
        }

        static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        static func end(ofValueAt index: Int, in bytes: [UInt8]) throws -> Int {
            guard index < bytes.count else { throw Failure(description: "no value") }
            var position = index + 1
            switch bytes[index] {
            case 0x00, 0x01, 0x02: break
            case 0x03, 0x04: _ = try varint(bytes, &position)
            case 0x05, 0x0A: position += 8
            case 0x0B: position += 16
            case 0x06, 0x07, 0x08, 0x09: position += Int(try varint(bytes, &position))
            default: throw Failure(description: "unknown tag")
            }
            return position
        }

        static func mapEntries(_ bytes: [UInt8]) throws -> [(key: String, value: [UInt8])] {
            guard bytes.first == 0x09 else { throw Failure(description: "not a map") }
            var position = 1
            _ = try varint(bytes, &position)
            let count = try varint(bytes, &position)
            var entries: [(key: String, value: [UInt8])] = []
            for _ in 0..<count {
                let length = Int(try varint(bytes, &position))
                let key = String(decoding: bytes[position..<position + length], as: UTF8.self)
                position += length
                let end = try end(ofValueAt: position, in: bytes)
                entries.append((key, Array(bytes[position..<end])))
                position = end
            }
            return entries
        }

        static func map(_ entries: [(key: String, value: [UInt8])]) -> [UInt8] {
            var body: [UInt8] = []
            for entry in entries {
                appendVarint(UInt64(entry.key.utf8.count), to: &body)
                body += Array(entry.key.utf8) + entry.value
            }
            var count: [UInt8] = []
            appendVarint(UInt64(entries.count), to: &count)
            var bytes: [UInt8] = [0x09]
            appendVarint(UInt64(count.count + body.count), to: &bytes)
            return bytes + count + body
        }
    }

    struct Sample {
        let name: String
        let encoded: [UInt8]
        let roundTrip: ([UInt8]) throws -> [UInt8]

        init<T: Codable>(_ value: T) throws {
            name = String(describing: T.self)
            encoded = try BinaryEncoder().encode(value)
            roundTrip = { try BinaryEncoder().encode(try BinaryDecoder().decode(T.self, from: $0)) }
        }
    }

    /// One value of every finance type with every optional field set.
    enum Samples {
        static let enumerations: [(name: String, values: [String])] = [
            values(AllocationKeyKind.self), values(AllocationModelKind.self), values(BudgetStatus.self),
            values(IndexationBase.self), values(LineDirection.self), values(VATRate.self),
        ]

        static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> (name: String, values: [String])
        where E.RawValue == String {
            (String(describing: type), E.allCases.map(\.rawValue))
        }

        static func all() throws -> [Sample] {
            let day = try #require(CalendarDate("2022-06-22"))
            let key = AllocationKey(kind: .population, year: 2022)
            let table = PartyTable(rows: [PartyAmount(party: "lulea", value: 1)], statedTotal: 1, source: "seed")
            let period = Period(from: day, to: day)
            let connection = PartyPeriod(party: "lulea", from: day, to: day)
            let reference = LineReference(year: 2022, objectCode: "VU-ETJ")
            let model = AllocationModel(kind: .mix, key: key, equalPart: .half, table: table, sourceLine: reference,
                                        period: period, connections: [connection])
            let vat = VATTreatment(rate: .zero, reason: "export")
            let line = BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 100), vat: vat,
                                  participants: ["lulea"], model: model, note: "note")
            let adoption = Adoption(protocolDate: day, paragraph: 12, justeratOn: day, confirmedBy: "caller")
            let indexation = Indexation(factor: Fraction(1058, 1000)!, label: "AKI")
            let indexedFrom = IndexedFrom(year: 2022, version: 1, indexation: indexation)
            let budget = Budget(committee: "NBE", year: 2023, version: 2, status: .adopted, lines: [line], reason: "why",
                                adoption: adoption, indexedFrom: indexedFrom, note: "note")
            let facts = PartyFacts(code: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", isHost: true,
                                   joinedOn: day, leftOn: day)
            let figure = KeyFigure(party: "lulea", kind: .population, year: 2022, value: 115_900, referenceDate: day,
                                   source: "SCB", illustrative: true)
            let inputs = AllocationInputs(keys: [figure], table: table, period: period)
            let exact = ExactAmount(wholeOre: 1, remainder: 1, denominator: 3)
            let share = PartyShare(party: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", isHost: true,
                                   weight: .half, weightDescription: "1 of 2", exact: exact, nearest: Money(ore: 1),
                                   rounded: Money(ore: 1), adjustment: .zero)
            let allocation = LineAllocation(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 100),
                                            unit: Money(kronor: 1), model: model, shares: [share], explanation: ["x"],
                                            inputs: inputs)
            let ref = BudgetRef(committee: "NBE", year: 2023, version: 1)
            return [
                try Sample(adoption), try Sample(inputs), try Sample(key), try Sample(model), try Sample(budget),
                try Sample(BudgetAdopt(budget: ref, adoption: adoption)),
                try Sample(BudgetAllocation(committee: "NBE", year: 2023, version: 1, run: 1, parties: [facts], lines: [allocation])),
                try Sample(BudgetCreate(committee: "NBE", year: 2023, lines: [line], note: "note")),
                try Sample(BudgetIndex(budget: ref, indexation: indexation)),
                try Sample(BudgetJustering(budget: ref, justeratOn: day)),
                try Sample(line), try Sample(BudgetListRequest(committee: "NBE")), try Sample(ref),
                try Sample(BudgetRevise(budget: ref, lines: [line], reason: "why")),
                try Sample(BudgetSummary(budget)), try Sample(BudgetUpdate(budget: ref, lines: [line])),
                try Sample(exact), try Sample(Fraction.half), try Sample(indexation), try Sample(indexedFrom),
                try Sample(figure), try Sample(allocation), try Sample(reference), try Sample(PartyAmount(party: "lulea", value: 1)),
                try Sample(facts), try Sample(connection), try Sample(share), try Sample(table), try Sample(period),
                try Sample(vat),
            ]
        }
    }
}
