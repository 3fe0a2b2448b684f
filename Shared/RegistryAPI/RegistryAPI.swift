// RegistryAPI: what `kansli-registry` speaks — the master data of who is who in a joint committee.
//
// This module holds the registry's domain values (committees, their parties, persons and their
// appointments as ledamot or ersättare, roles, staff, substitute pairings, signing keys, yearly
// allocation keys), the request and response messages of every registry method, the method table
// `RegistryMethods`, and `CommitteeFile`, the document a whole committee is imported from and
// exported to. It also validates the formats the domain prescribes: `OrganisationNumber` (Luhn
// check digit), `Bankgiro`, `CaseNumberFormat`, `MandatePeriod`, `RecordID`.
//
// Identity: a committee is named by a short upper-case code a person can type (`NBE`, `GNS`);
// every other record is named by a lower-case slug unique within its committee (`lulea`,
// `isak-utsi`, `isak-utsi-2019`). Ids travel in exports, so import → export → re-import keeps them,
// and several committees live side by side in one deployment without colliding.
//
// In Kansli a *party* is always a member municipality or region of a committee, never a political
// party; a member's political party is the string `politicalParty` (S, M, C, V, KD, MP, L, SD …).
//
// This module must not open sockets, touch SQLite or enforce rules that need more than one value:
// the rules that relate records to each other (an appointment inside its party's membership, an
// ersättare paired only within the same party …) live in the RegistryService library.
