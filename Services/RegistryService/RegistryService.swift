// RegistryService: the logic of `kansli-registry`, the master data of who is who.
//
// Layers, from the inside out:
// - Model/ — `CommitteeState`, one committee's records as values with lookups; `RecordFactory`,
//   which turns create requests into records (generated ids, default dates); `Normaliser`.
// - Rules/ — every rule of the registry as a pure function over values, throwing `ServiceError`
//   (`validation`, `conflict`, `not_found`) with the offending field's path. `CommitteeValidator`
//   checks a whole committee, which is what an import does and what every write does after it has
//   checked the record it changes, so a change can never leave another record invalid.
// - Queries/ — pure answers over a `CommitteeState`: the composition on a day, the substitutes
//   for an absent ledamot, a yearly key table, list filters.
// - Store/ — the SQLite schema (`RegistrySchema`, KansliStore migrations) and `RegistryStore`, the
//   only code that writes SQL.
// - Handlers/ — `RegistryDefinition` registers one thin handler per `RegistryMethods` method with
//   the KansliService router: load state, apply rules, store, audit.
//
// It must not open sockets or parse frames (KansliService and KansliTransport do), and must not
// store anything about money or documents: finance and documents ask the registry.
