// swift-tools-version:6.0
// Kansli: the back office of Swedish joint municipal committees (gemensamma nämnder).
// No package dependencies: only the toolchain and the system libraries libsqlite3 and zlib.
import PackageDescription
#if canImport(Glibc)
import Glibc
#endif

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

/// Whether the C library this is built against loads packed relative relocations (DT_RELR,
/// glibc 2.36 and later, e.g. Debian 12): the binaries then run only where glibc is as new.
let glibcLoadsRELR: Bool = {
    #if canImport(Glibc)
    // confstr gives "glibc 2.36".
    var buffer = [CChar](repeating: 0, count: 64)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return false }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = text.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
    #else
    return false
    #endif
}()

/// The service processes (and the bare echo they are measured beside) link the Swift runtime
/// statically: an idle service then maps only the parts of the standard library and Dispatch it
/// uses, about 2 MiB less resident memory than the shared libraries. Where glibc allows, they
/// are linked by lld with packed relative relocations, so loading them reads and dirties
/// ~0.7 MiB fewer pages, and they stay position-independent (docs/PERFORMANCE.md).
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"]
    + (glibcLoadsRELR ? ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] : []))]

let package = Package(
    name: "Kansli",
    products: [
        .executable(name: "kansli-registry", targets: ["kansli-registry"]),
        .executable(name: "kansli-finance", targets: ["kansli-finance"]),
        .executable(name: "kansli-documents", targets: ["kansli-documents"]),
        .executable(name: "kansli", targets: ["kansli"]),
        // For the fuzz targets in Fuzz/, a package of its own that depends on this one.
        .library(name: "KansliFuzzable", targets: ["KansliFraming", "KansliCoding", "KansliProtocol", "KansliTransport",
                                                   "KansliSigning", "RegistryAPI", "RegistryService", "FinanceAPI",
                                                   "DocumentsAPI", "DocumentsService", "KansliCLI", "KansliService"]),
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
    + shared("KansliSigning", ["KansliCrypto", "KansliPlatform"])
    + shared("RegistryAPI", ["KansliProtocol", "KansliPlatform"])
    + shared("FinanceAPI", ["KansliProtocol", "KansliPlatform"])
    + shared("DocumentsAPI", ["KansliProtocol", "KansliPlatform"])
    + service("RegistryService", ["RegistryAPI", "KansliService", "KansliStore", "KansliPlatform"])
    + service("FinanceService", ["FinanceAPI", "RegistryAPI", "DocumentsAPI", "KansliService", "KansliStore", "KansliPlatform"],
              testDeps: ["RegistryService", "DocumentsService", "KansliTransport"])
    + service("DocumentsService", ["DocumentsAPI", "RegistryAPI", "KansliService", "KansliStore", "KansliCrypto", "KansliSigning", "KansliPlatform"],
              testDeps: ["RegistryService", "KansliTransport", "KansliSigning", "KansliCrypto"])
    + service("KansliCLI", ["RegistryAPI", "FinanceAPI", "DocumentsAPI", "KansliTransport", "KansliArguments", "KansliCoding", "KansliPlatform", "KansliSigning", "KansliCrypto"],
              testDeps: ["RegistryService", "FinanceService", "DocumentsService", "KansliService"])
    + [
        .executableTarget(name: "kansli-registry", dependencies: ["RegistryService"],
                          path: "Services/kansli-registry", linkerSettings: staticRuntime),
        .executableTarget(name: "kansli-finance", dependencies: ["FinanceService"],
                          path: "Services/kansli-finance", linkerSettings: staticRuntime),
        .executableTarget(name: "kansli-documents", dependencies: ["DocumentsService"],
                          path: "Services/kansli-documents", linkerSettings: staticRuntime),
        .executableTarget(name: "kansli", dependencies: ["KansliCLI"], path: "Services/kansli"),

        // Helpers for tests: free ports, temporary directories, starting service processes.
        .target(name: "KansliTestSupport", dependencies: ["KansliTransport", "KansliProtocol", "KansliCrypto", "KansliCoding",
                                                        "KansliStore", "KansliSigning", "DocumentsAPI", "RegistryAPI", "FinanceAPI"],
                path: "Tests/KansliTestSupport"),
        .testTarget(name: "IntegrationTests",
                    dependencies: ["KansliTestSupport", "KansliTransport", "KansliProtocol",
                                   "RegistryAPI", "FinanceAPI", "DocumentsAPI", "KansliCoding", "KansliCrypto", "KansliService",
                                   "RegistryService", "FinanceService", "DocumentsService"],
                    path: "Tests/IntegrationTests", exclude: ["python"]),
        // Benchmarks: run by scripts/bench.sh in release mode, never by the test suite.
        .executableTarget(name: "kansli-bench",
                          dependencies: ["KansliCoding", "KansliCrypto", "KansliTransport",
                                         "KansliProtocol", "RegistryAPI", "FinanceAPI", "DocumentsAPI", "KansliFraming", "KansliPlatform",
                                         "KansliSigning", "KansliTestSupport"],
                          path: "Tests/KansliBench"),
        // The memory benchmark's baseline: a bare length-prefixed TCP echo on the standard
        // library and Glibc only.
        .executableTarget(name: "kansli-bench-echo", path: "Tests/KansliBenchEcho", linkerSettings: staticRuntime),
    ]
)
