import Synchronization

/// Remembers which types are not dictionaries or sets, so that the coder asks the runtime only once
/// per type.
///
/// Intercepting `Dictionary` and `Set` needs a dynamic cast to a protocol, and a cast that fails
/// walks the runtime's conformance records: about 14 000 instructions, once per array in every
/// message (an array has the size a dictionary has, which is all the cheap pre-check can test).
/// The answers never change, so they are cached for the life of the process; the cache holds one
/// entry per distinct type that reached the cast, a few hundred at most in any program.
enum TypeClassCache {
    /// Types known to be neither a `Dictionary` nor a `Set`, for encoding and decoding separately.
    private static let ordinaryTypes = Mutex<(encoding: Set<ObjectIdentifier>, decoding: Set<ObjectIdentifier>)>(([], []))

    /// Whether `type` is known not to be a dictionary or set when encoding.
    static func isOrdinaryForEncoding(_ type: Any.Type) -> Bool {
        ordinaryTypes.withLock { $0.encoding.contains(ObjectIdentifier(type)) }
    }

    /// Records that `type` is not a dictionary or set when encoding.
    static func markOrdinaryForEncoding(_ type: Any.Type) {
        ordinaryTypes.withLock { _ = $0.encoding.insert(ObjectIdentifier(type)) }
    }

    /// Whether `type` is known not to be a dictionary when decoding.
    static func isOrdinaryForDecoding(_ type: Any.Type) -> Bool {
        ordinaryTypes.withLock { $0.decoding.contains(ObjectIdentifier(type)) }
    }

    /// Records that `type` is not a dictionary when decoding.
    static func markOrdinaryForDecoding(_ type: Any.Type) {
        ordinaryTypes.withLock { _ = $0.decoding.insert(ObjectIdentifier(type)) }
    }
}
