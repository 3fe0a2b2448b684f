// KansliService: the runtime every Kansli service runs on.
//
// A service is a `ServiceDefinition`: its name, its schema migrations and the handlers it
// registers on a `ServiceRouter`. `ServiceHost` runs those handlers for requests: it checks the
// caller's role, opens the transaction the handler runs in (a write transaction committed with
// synchronous=FULL for writes, a read snapshot otherwise), applies each idempotency key once,
// records the audit trail, answers the common methods (health, stats, audit), maps errors to
// `ServiceError`s and logs one line per request. `ServiceMain` parses the command line, opens
// the database, starts the `Server`, writes the ready file and shuts down on SIGTERM.
//
// Services must not open sockets or SQLite files themselves, nor use tables prefixed `kansli_`
// (the runtime's own).
