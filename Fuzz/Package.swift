// swift-tools-version:6.0
// libFuzzer targets for Kansli's parsers of hostile bytes, in a package of their own so that the
// main build is untouched. Build and run them with scripts/fuzz.sh (release, -sanitize=fuzzer and
// address). Each target's one source file defines LLVMFuzzerTestOneInput (../shared notes: a
// target whose file is main.swift builds but does not fuzz).
import PackageDescription

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: [.product(name: "KansliFuzzable", package: "Kansli")],
                      path: "Targets/\(name)")
}

let package = Package(
    name: "KansliFuzz",
    dependencies: [.package(path: "Kansli")],  // Kansli is a symlink to .., so the identity is "kansli" wherever the clone lives
    targets: [
        fuzzTarget("fuzz-frames"),
        fuzzTarget("fuzz-handshake"),
        fuzzTarget("fuzz-registry-requests"),
        fuzzTarget("fuzz-committee-file"),
        fuzzTarget("fuzz-budget-file"),
        fuzzTarget("fuzz-signing-texts"),
        fuzzTarget("fuzz-export-folder"),
        fuzzTarget("fuzz-documents-requests"),
    ]
)
