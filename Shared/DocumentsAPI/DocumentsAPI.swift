// DocumentsAPI: what `kansli-documents` speaks — meetings, attendance, paragraphs, protocols,
// notices and deadlines.
//
// This module holds the documents service's values (meetings with their agenda, attendance
// resolved against the registry's composition, paragraphs with quorum, protocol details and
// revisions, notices, dispatches, deadlines), the request and response messages of every
// documents method, and the method table `DocumentsMethods` (ids 0x0300…0x03FF).
//
// Members are named by the registry's person ids (`isak-utsi`), parties by its party codes
// (`lulea`); a meeting by its committee and day (`MeetingRef`).
//
// This module must not open sockets, touch SQLite or hold the rules themselves: those live in
// the DocumentsService library (`Rules/`).
import KansliProtocol
