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
}
