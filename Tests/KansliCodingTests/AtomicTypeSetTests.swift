import Foundation
import Testing
@testable import KansliCoding

@Suite("The lock-free set of ordinary types")
struct AtomicTypeSetTests {
    @Test("inserted types are found, others are not")
    func membership() {
        let set = AtomicTypeSet()
        #expect(!set.contains(Int.self))
        set.insert(Int.self)
        set.insert([String].self)
        set.insert(Int.self)
        #expect(set.contains(Int.self))
        #expect(set.contains([String].self))
        #expect(!set.contains([Int].self))
        #expect(!set.contains(Double.self))
    }

    @Test("many threads inserting and reading at once agree on the result")
    func concurrentUse() {
        let set = AtomicTypeSet()
        let types: [Any.Type] = [Int.self, Int8.self, Int16.self, Int32.self, Int64.self, UInt.self, UInt8.self,
                                 UInt16.self, UInt32.self, UInt64.self, Double.self, Float.self, String.self,
                                 [Int].self, [String].self, [Double].self, Data.self, UUID.self, Date.self, Bool.self]
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            for (index, type) in types.enumerated() where (index + iteration) % 2 == 0 {
                set.insert(type)
            }
            for type in types { _ = set.contains(type) }
        }
        for type in types { #expect(set.contains(type)) }
        #expect(!set.contains([Bool].self))
    }

    @Test("nearby type addresses spread over the table (the hash multiplies, then shifts)")
    func homesSpread() {
        // Metadata of the types a program codes lie close together, 16 bytes or more apart. With the
        // shift inside the product (`a &* K >> 53` is `a &* (K >> 53)`, times 1 160), such
        // addresses fell on multiples of 8 only: at most 256 of the 2 048 slots.
        let base: UInt = 0x7F12_3456_7000
        let homes = Set((0..<1_024).map { AtomicTypeSet.home(of: base + UInt($0) * 16) })
        #expect(homes.count > 900)
        #expect(homes.allSatisfy { (0..<AtomicTypeSet.capacity).contains($0) })
    }
}
