// KansliSigning: the texts that make a signed protocol verifiable without Kansli, decades later.
//
// - `SignatureStatement`: what a signer signs with Ed25519, as exact UTF-8 text (docs/SIGNING.md
//   §2), binding the document's SHA-256 to the committee, meeting, revision, paragraph, signer,
//   roles and time, so a signature cannot be lifted onto another protocol, revision or role.
// - `LogEntry` and `LogChain`: a committee's append-only log, each entry holding the hash of the
//   one before (docs/SIGNING.md §3), and the check that names the first broken entry.
//
// Pure values and text: no database, no network, no Foundation. Both formats are parsed as
// strictly as they are written, so one text has one meaning and a verifier in any language that
// follows docs/SIGNING.md reads the same fields.
