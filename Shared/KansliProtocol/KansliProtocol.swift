// KansliProtocol: what travels between Kansli's processes, independent of how it travels.
//
// This module names the methods each service answers (`Method`), the roles a client key can hold
// (`Role`), the structured errors every failure becomes on the wire (`ServiceError`, `ErrorCode`),
// the messages of the handshake and the methods every service shares (health, stats, audit), and
// value types that every service's messages use (`CalendarDate`).
//
// It must not open sockets, touch SQLite or know any service's domain: those belong to
// KansliTransport, KansliStore and the `…API` modules respectively.
