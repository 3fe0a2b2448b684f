// swift-tools-version:6.0
// Kansli: the back office of Swedish joint municipal committees (gemensamma nämnder).
// No package dependencies: only the toolchain and the system libraries libsqlite3 and zlib.
import PackageDescription

/// A library target under `Shared/` with its test target under `Tests/`.
func shared(_ name: String, _ deps: [Target.Dependency] = []) -> [Target] {
    [
        .target(name: name, dependencies: deps, path: "Shared/\(name)"),
        .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "KansliTestSupport"],
                    path: "Tests/\(name)Tests"),
    ]
}

/// A library target under `Services/` with its test target under `Tests/`; `testDeps` are what
/// the tests need beyond the library and the test support.
func service(_ name: String, _ deps: [Target.Dependency] = [], testDeps: [Target.Dependency] = []) -> [Target] {
    [
        .target(name: name, dependencies: deps, path: "Services/\(name)"),
        .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "KansliTestSupport"] + testDeps,
                    path: "Tests/\(name)Tests"),
    ]
}

let package = Package(
    name: "Kansli",
    products: [
        .executable(name: "kansli-registry", targets: ["kansli-registry"]),
        .executable(name: "kansli-finance", targets: ["kansli-finance"]),
        .executable(name: "kansli-documents", targets: ["kansli-documents"]),
        .executable(name: "kansli", targets: ["kansli"]),
    ],
    targets: [
        // C libraries, each wrapped by one Swift module that owns every pointer and return code.
        .systemLibrary(name: "CSQLite", path: "Shared/CSQLite"),
        .systemLibrary(name: "CZlib", path: "Shared/CZlib"),
        .target(name: "CKansliSHA", path: "Shared/CKansliSHA"),
    ]
    + shared("KansliPlatform")
    + shared("KansliCrypto", ["CKansliSHA"])
    + shared("KansliCoding")
    + shared("KansliStore", ["CSQLite", "KansliPlatform"])
    + shared("KansliFraming", ["CZlib"])
    + shared("KansliArguments", ["KansliPlatform"])
    + shared("KansliProtocol", ["KansliCoding", "KansliPlatform"])
    + shared("KansliTransport", ["KansliFraming", "KansliCrypto", "KansliCoding", "KansliProtocol",
                                 "KansliPlatform"])
    + shared("KansliService", ["KansliTransport", "KansliProtocol", "KansliStore", "KansliCoding",
                               "KansliArguments", "KansliCrypto", "KansliPlatform"])
    + shared("RegistryAPI", ["KansliProtocol", "KansliPlatform"])
    + shared("FinanceAPI", ["KansliProtocol"])
    + shared("DocumentsAPI", ["KansliProtocol"])
    + service("RegistryService", ["RegistryAPI", "KansliService", "KansliStore", "KansliPlatform"])
    + service("FinanceService", ["FinanceAPI", "RegistryAPI", "KansliService", "KansliStore", "KansliPlatform"],
              testDeps: ["RegistryService", "KansliTransport"])
    + service("DocumentsService", ["DocumentsAPI", "RegistryAPI", "KansliService", "KansliStore", "KansliCrypto", "KansliPlatform"],
              testDeps: ["RegistryService", "KansliTransport"])
    + service("KansliCLI", ["RegistryAPI", "FinanceAPI", "DocumentsAPI", "KansliTransport", "KansliArguments", "KansliCoding", "KansliPlatform"],
              testDeps: ["RegistryService", "FinanceService", "KansliService"])
    + [
        .executableTarget(name: "kansli-registry", dependencies: ["RegistryService"],
                          path: "Services/kansli-registry"),
        .executableTarget(name: "kansli-finance", dependencies: ["FinanceService"],
                          path: "Services/kansli-finance"),
        .executableTarget(name: "kansli-documents", dependencies: ["DocumentsService"],
                          path: "Services/kansli-documents"),
        .executableTarget(name: "kansli", dependencies: ["KansliCLI"], path: "Services/kansli"),

        // Helpers for tests: free ports, temporary directories, starting service processes.
        .target(name: "KansliTestSupport", dependencies: ["KansliTransport", "KansliProtocol", "KansliCrypto", "KansliCoding"],
                path: "Tests/KansliTestSupport"),
        .testTarget(name: "IntegrationTests",
                    dependencies: ["KansliTestSupport", "KansliTransport", "KansliProtocol",
                                   "RegistryAPI", "FinanceAPI", "DocumentsAPI", "KansliCoding", "KansliCrypto", "KansliService",
                                   "RegistryService", "FinanceService", "DocumentsService"],
                    path: "Tests/IntegrationTests", exclude: ["python"]),
        // Benchmarks: run by scripts/bench.sh in release mode, never by the test suite.
        .executableTarget(name: "kansli-bench",
                          dependencies: ["KansliCoding", "KansliCrypto", "KansliTransport",
                                         "KansliProtocol", "RegistryAPI", "FinanceAPI", "KansliFraming", "KansliPlatform"],
                          path: "Tests/KansliBench"),
        // The memory benchmark's baseline: a bare length-prefixed TCP echo on the standard
        // library and Glibc only.
        .executableTarget(name: "kansli-bench-echo", path: "Tests/KansliBenchEcho"),
    ]
)
