#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies the calling thread, so that a ``Database`` can tell re-entrant use (the thread that
/// already holds a connection) from contention (another thread).
///
/// Sound because the bodies of `read`/`write` are synchronous: a thread that holds a connection
/// stays inside the body until it returns, so the identity of a live holder is never reused.
enum ThreadIdentity {
    /// A non-zero number that no other live thread has.
    static var current: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }
}
