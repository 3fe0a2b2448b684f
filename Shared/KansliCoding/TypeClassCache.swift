import Synchronization

/// Remembers which types are not dictionaries or sets, so that the coder asks the runtime only once
/// per type.
///
/// Intercepting `Dictionary` (to sort it) and `Set` (to refuse it) needs a dynamic cast to a
/// protocol, and a cast that fails is not cached by the runtime: it walks the conformance records
/// again, about 0.6–1 µs (measured with Swift 6.3 here), once per array in every message (an array
/// has the size a dictionary has, which is all the cheap pre-check can test), and messages nest
/// arrays inside array elements (a composition's members each hold their roles). A `T.self ==`
/// comparison cannot replace the cast: it names one concrete type, and `[Member]` is not
/// `[Party]`. The answers never change, so they are cached for the life of the process.
///
/// The cache is read for every 8-byte value the coder handles, from every thread that encodes or
/// decodes, so it takes no lock: each set is an insert-only, open-addressed table of atomics
/// (`AtomicTypeSet`). A mutex here made 16 concurrent connections spend most of their CPU time
/// waiting for each other.
enum TypeClassCache {
    private static let encoding = AtomicTypeSet()
    private static let decoding = AtomicTypeSet()

    /// Whether `type` is known not to be a dictionary or set when encoding.
    static func isOrdinaryForEncoding(_ type: Any.Type) -> Bool {
        encoding.contains(type)
    }

    /// Records that `type` is not a dictionary or set when encoding.
    static func markOrdinaryForEncoding(_ type: Any.Type) {
        encoding.insert(type)
    }

    /// Whether `type` is known not to be a dictionary when decoding.
    static func isOrdinaryForDecoding(_ type: Any.Type) -> Bool {
        decoding.contains(type)
    }

    /// Records that `type` is not a dictionary when decoding.
    static func markOrdinaryForDecoding(_ type: Any.Type) {
        decoding.insert(type)
    }
}

/// A set of types that can only grow, readable and writable from any thread without a lock.
///
/// Each slot holds a type's metadata address (never 0) or 0 when empty; a type is placed by a
/// hash of its address with linear probing. Inserting is a compare-and-exchange on an empty
/// slot, and a slot never changes once filled, so a reader that finds the address knows the type
/// was inserted, and one that meets an empty slot (or gives up after `maximumProbes`) simply
/// reports "not known", which only costs the caller the slow check again. A full table keeps
/// answering correctly; it just stops remembering new types.
final class AtomicTypeSet: Sendable {
    /// A slot; a class so that the table can be an immutable array of them.
    private final class Slot: Sendable {
        let address = Atomic<UInt>(0)
    }

    /// Slots in the table: a power of two, far above the few hundred types a program codes.
    static let capacity = 2048
    /// Slots examined before giving up.
    static let maximumProbes = 32

    private let slots: [Slot] = (0..<AtomicTypeSet.capacity).map { _ in Slot() }

    /// The slot a type's probe sequence starts at: Fibonacci hashing, the top 11 bits of the
    /// product (2¹¹ = `capacity`). The parentheses matter: `a &* K >> 53` parses as `a &* (K >> 53)`,
    /// a multiplication by 1 160 whose low bits, kept by the mask, are as clustered as the addresses.
    static func home(of address: UInt) -> Int {
        Int(truncatingIfNeeded: ((address >> 4) &* 0x9E37_79B9_7F4A_7C15) >> 53) & (capacity - 1)
    }

    /// Whether `type` was inserted.
    func contains(_ type: Any.Type) -> Bool {
        let address = UInt(bitPattern: ObjectIdentifier(type))
        var index = AtomicTypeSet.home(of: address)
        for _ in 0..<AtomicTypeSet.maximumProbes {
            let found = slots[index].address.load(ordering: .acquiring)
            if found == address { return true }
            if found == 0 { return false }
            index = (index + 1) & (AtomicTypeSet.capacity - 1)
        }
        return false
    }

    /// Adds `type` (no effect if present, or if its probe sequence is full).
    func insert(_ type: Any.Type) {
        let address = UInt(bitPattern: ObjectIdentifier(type))
        var index = AtomicTypeSet.home(of: address)
        for _ in 0..<AtomicTypeSet.maximumProbes {
            let (exchanged, original) = slots[index].address.compareExchange(
                expected: 0, desired: address, ordering: .acquiringAndReleasing)
            if exchanged || original == address { return }
            index = (index + 1) & (AtomicTypeSet.capacity - 1)
        }
    }
}
