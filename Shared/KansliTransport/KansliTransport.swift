// KansliTransport: moves frames between Kansli's processes over TCP.
//
// It owns sockets (`Socket`, every system call through `SystemCall`), the connection handshake
// (`HandshakeCrypto`: HMAC-SHA256 challenge–response, session keys), per-frame MACs
// (`SessionMAC`), the server (`Server`: a thread per connection, limits, timeouts, graceful
// shutdown) and the client (`ServiceClient`: pooled connections, deadlines, retries with
// idempotency keys). It logs (`Log`) one logfmt line per event.
//
// It must not know any service's domain or database: a server hands each authenticated request to
// a `RequestHandler`, and a client returns typed responses through `Method` descriptors from
// KansliProtocol. Bytes on the wire are KansliFraming's business; values are KansliCoding's.
