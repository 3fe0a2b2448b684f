/// Holds a connection that a ``Database`` lends to one thread at a time.
///
/// `@unchecked Sendable`, safe because:
/// - the only stored property is an immutable reference;
/// - the ``Connection`` behind it is used only by the thread it is lent to
///   (``Connection/borrower``). The writer is lent only while the database's writer `Mutex` is
///   held; a reader only by a compare-and-exchange of its borrower from 0, so two threads never
///   use a connection at once;
/// - each hand-over is ordered: the borrower is set with an acquiring exchange and cleared with a
///   releasing store, so one borrower's work happens-before the next one's;
/// - other threads only read the borrower, an `Atomic`, to detect re-entrancy.
final class ConnectionSlot: @unchecked Sendable {
    /// The connection; use it only while it is lent to the current thread.
    let connection: Connection

    init(_ connection: Connection) {
        self.connection = connection
    }
}
