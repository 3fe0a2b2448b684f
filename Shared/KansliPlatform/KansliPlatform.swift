// KansliPlatform: what Kansli's service processes need from the operating system, written on
// Glibc and the standard library so that they link no Foundation module (issue 6: an idle
// service that links Foundation starts near 18 MiB resident; one on the standard library near 7).
//
// It holds small, tested replacements for the few Foundation pieces the services used:
// - `Timestamp` (a wall-clock instant in microseconds) with ISO 8601 in UTC;
// - `CivilDate`, `CivilDateTime` and `StockholmTime`: Swedish local time by the EU summer-time
//   rule, since FoundationEssentials has no named time zones;
// - `PlatformThread` (named threads with a stack size, sleeping), `FileSystem` (bounded reads,
//   atomic writes, directories, permissions), `ProcessEnvironment`;
// - `JSONWriter`: deterministic JSON (sorted keys) for any `Encodable`.
// Every failure of the operating system is a `PlatformError` naming the call, the path and errno.
//
// It must not depend on any other Kansli module, on Foundation, or on anything beyond Glibc and
// Synchronization: it is the bottom of the module graph.

/// The module's namespace for facts about itself.
public enum KansliPlatform {
    /// The modules this one may import; a test checks the sources keep to them.
    public static let allowedImports: Set<String> = ["Glibc", "Synchronization"]
}
