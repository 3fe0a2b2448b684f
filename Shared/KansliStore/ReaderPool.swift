import Dispatch
import Synchronization

/// Up to `capacity` read-only connections, each lent to one reading thread at a time, opened
/// when first needed: an idle service holds none, one that reads one request at a time holds
/// one, and a busy one grows to as many as run at once. Each open connection costs SQLite's
/// per-connection memory (its lookaside buffer, parsed schema and page cache), which an idle
/// process should not pay.
///
/// A counting semaphore admits at most `capacity` readers; an admitted reader then claims a free
/// open connection with a compare-and-exchange on its borrower (``Connection/lendIfFree()``), or
/// opens a new one if all open ones are lent. Claims scan from the first connection, so a lightly
/// loaded database keeps reusing the same few, whose statement caches stay warm.
final class ReaderPool: Sendable {
    private let slots = Mutex<[ConnectionSlot]>([])
    private let open: @Sendable () throws -> Connection
    private let admission: DispatchSemaphore
    private let waitLimit: Duration
    /// The most connections the pool opens.
    let capacity: Int

    /// - Parameters:
    ///   - capacity: The most connections open (and reads run) at once; at least 1.
    ///   - open: Opens one connection, configured read-only.
    ///   - waitLimit: How long a read waits for a free connection.
    init(capacity: Int, waitLimit: Duration, open: @escaping @Sendable () throws -> Connection) {
        self.capacity = capacity
        self.open = open
        admission = DispatchSemaphore(value: capacity)
        self.waitLimit = waitLimit
    }

    /// How many connections are open now.
    var openCount: Int { slots.withLock { $0.count } }

    /// The reader lent to `thread`, if any.
    func connectionLent(to thread: UInt) -> ConnectionSlot? {
        slots.withLock { slots in slots.first { $0.connection.isLent(to: thread) } }
    }

    /// Lends a free reader to the calling thread for the duration of `body`, opening one if every
    /// open reader is lent.
    ///
    /// - Throws: ``DatabaseError/Kind/noReaderAvailable`` when none frees up within the wait limit,
    ///   or the ``DatabaseError`` of opening a connection.
    func withReader<T>(_ body: (Connection) throws -> T) throws -> T {
        let components = waitLimit.components
        let nanoseconds = components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
        guard admission.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else {
            throw DatabaseError(
                kind: .noReaderAvailable, extendedResultCode: .busy,
                message: "all \(capacity) reader connections stayed busy for \(waitLimit)")
        }
        defer { admission.signal() }
        // Admitted: fewer than `capacity` other readers hold a connection, so either an open one
        // is free or there is room to open one.
        let connection = try slots.withLock { slots -> Connection in
            if let free = slots.first(where: { $0.connection.lendIfFree() }) { return free.connection }
            let opened = try open()
            slots.append(ConnectionSlot(opened))
            _ = opened.lendIfFree()
            return opened
        }
        defer { connection.reclaim() }
        return try body(connection)
    }

    /// Closes every connection (the pool's owner is going away: none is lent).
    func closeAll() {
        slots.withLock { slots in
            for slot in slots { slot.connection.close() }
        }
    }
}
