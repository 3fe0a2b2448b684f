import Dispatch

/// A fixed set of read-only connections, each lent to one reading thread at a time.
///
/// A counting semaphore admits at most as many readers as there are connections; an admitted
/// reader then claims a free connection with a compare-and-exchange on its borrower
/// (``Connection/lendIfFree()``). Claims scan from the first connection, so a lightly loaded
/// database keeps reusing the same few, whose statement caches stay warm.
final class ReaderPool: Sendable {
    private let slots: [ConnectionSlot]
    private let admission: DispatchSemaphore
    private let waitLimit: Duration

    /// - Parameters:
    ///   - connections: Open connections, already configured read-only.
    ///   - waitLimit: How long a read waits for a free connection.
    init(_ connections: [Connection], waitLimit: Duration) {
        slots = connections.map(ConnectionSlot.init)
        admission = DispatchSemaphore(value: connections.count)
        self.waitLimit = waitLimit
    }

    /// The reader lent to `thread`, if any (safe from any thread: reads atomics only).
    func connectionLent(to thread: UInt) -> ConnectionSlot? {
        slots.first { $0.connection.isLent(to: thread) }
    }

    /// Lends a free reader to the calling thread for the duration of `body`.
    ///
    /// - Throws: ``DatabaseError/Kind/noReaderAvailable`` when none frees up within the wait limit.
    func withReader<T>(_ body: (Connection) throws -> T) throws -> T {
        let components = waitLimit.components
        let nanoseconds = components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
        guard admission.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else {
            throw DatabaseError(
                kind: .noReaderAvailable, extendedResultCode: .busy,
                message: "all \(slots.count) reader connections stayed busy for \(waitLimit)")
        }
        defer { admission.signal() }
        // Admitted: fewer than `slots.count` other readers hold a connection, so one is free. A
        // claim can only fail because another admitted reader took that one first; scan again.
        var claimed: Connection?
        while claimed == nil {
            claimed = slots.first { $0.connection.lendIfFree() }?.connection
        }
        let connection = claimed!
        defer { connection.reclaim() }
        return try body(connection)
    }

    /// Closes every connection (the pool's owner is going away: none is lent).
    func closeAll() {
        for slot in slots { slot.connection.close() }
    }
}
