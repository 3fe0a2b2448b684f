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
//   only code that writes SQL. The schema stamps a committee with a new revision, by trigger, at
//   every change of its records; `CommitteeStateCache` keeps committee states by that version, so
//   a read of an unchanged committee does not load it again.
// - Handlers/ — `RegistryDefinition` registers one thin handler per `RegistryMethods` method with
//   the KansliService router. Writes load the state from the tables, apply the rules, store and
//   audit; reads get the state through `RegistryReadContext`, from the cache when it is current.
//
// It must not open sockets or parse frames (KansliService and KansliTransport do), and must not
// store anything about money or documents: finance and documents ask the registry.
