// KansliCoding: the binary Codable coder of the Kansli protocol.
//
// What it is for
// --------------
// `BinaryEncoder` turns any `Encodable` value into the compact, self-describing value format of
// docs/PROTOCOL.md ("Values"), and `BinaryDecoder` turns those bytes back into a `Decodable` value.
// Every value starts with a one-byte tag (0x00 nil … 0x09 map); arrays and maps carry the byte
// count of their body so that a reader skips an unknown field in O(1). Structs become maps keyed by
// their coding keys, so a newer peer may add fields and an older one ignores them; a missing
// optional decodes as nil.
//
// The promises it keeps
// ---------------------
// - Deterministic: equal values give equal bytes. Dictionaries are written sorted by the bytes of
//   their keys, NaN is written as one canonical pattern, and a decoded value re-encodes to the same
//   bytes.
// - Only what messages need: structs, strings, integers, Booleans, float64, bytes (`[UInt8]`,
//   copied in bulk), arrays, optionals, enums, and dictionaries keyed by String or Int. A `Set` or a
//   dictionary keyed by anything else is refused (`unsupported_type`); Foundation's `Date`, `UUID`,
//   `Decimal` and `Data` get no special form, because the module imports no Foundation at all
//   (service processes link none). `CalendarDate` is the messages' date.
// - Bounded: `DecodingLimits` caps nesting depth, string length and collection counts, and every
//   length or count is checked against the bytes that remain before anything is allocated.
// - Total: malformed input never traps and never allocates more than the input justifies; it
//   throws a `BinaryCodingError` that says what is wrong, at which byte and at which coding path.
// - Fast: one growing raw output buffer per encoding, containers that are small structs over one
//   shared state object that is also the Encoder/Decoder of nested values, no per-value allocation
//   for primitives, and a one-pass index of each decoded map's entries, looked up with a "next
//   expected field" hint and compared as bytes. What remains is mostly the standard library's own
//   Codable machinery (container boxes, generic metadata look-ups), which no coder can avoid;
//   Tests/KansliBench/CoderBench.swift measures it ("Codable floor").
//
// What it must not do
// -------------------
// It knows nothing about frames, sockets, methods or message types: framing (KansliFraming) moves
// the bytes, the protocol layer (KansliProtocol) decides which type to decode. It keeps no state
// between calls (`BinaryEncoder` and `BinaryDecoder` are plain `Sendable` values), except a
// process-wide cache of which types are not dictionaries (`TypeClassCache`).
//
// Layout of the module
// ---------------------
// BinaryEncoder / BinaryDecoder          the public entry points
// DecodingLimits, BinaryCodingError(+Code, +PathComponent, +Conversion)  limits and the one error
// WireTag, Varint, UTF8Validation        the wire vocabulary shared by both directions
// EncodingState (+Writing, +Values, +Containers, +Encoder, +Sorting), EncodingFrame, NestedEncoder
//                                        the encoder: output buffer, stack of open values
// DecodingState (+Reading, +Values, +Containers, +Decoder), KeyedEntry, ContainerHeader,
//   PathContext, NestedDecoder, WireFault   the decoder: input, path, key index
// Binary{Keyed,Unkeyed,SingleValue}{Encoding,Decoding}Container  the Codable containers
// CanonicallyOrderedEncodable (+Dictionary, +Set), EncodedSpan, DecodableDictionary (+Dictionary),
//   TypeClassCache                       how dictionaries are sorted and sets refused
// CodingPathElement, BinaryCodingKey     coding paths
