import Synchronization

/// A value behind a mutex that threads started by a test can share (a `Mutex` itself cannot be
/// captured by their closures).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// The value now.
    var value: Value { mutex.withLock { $0 } }

    /// Runs `body` on the value, holding the lock.
    func withLock<T: Sendable>(_ body: (inout Value) -> T) -> T {
        mutex.withLock { body(&$0) }
    }
}
