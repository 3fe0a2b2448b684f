// kansli-bench: Kansli's benchmarks. Every figure is printed beside a baseline measured in the
// same run. `scripts/bench.sh` runs it in release mode; `--smoke` (run by scripts/test.sh) only
// proves each benchmark still runs, on tiny inputs, and its figures mean nothing.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "syscalls", arguments.count == 3, let count = Int(arguments[2]) {
    // Child mode for strace: only the round trips to count.
    try RoundTripBench.runForSyscallCount(count: count, bare: arguments[1] == "bare")
    exit(0)
}

if arguments == ["memory"] {
    // Only the memory report (scripts/bench.sh --memory).
    try MemoryBench.run(calls: 200)
    exit(0)
}

if arguments == ["signing"] {
    // Only verify-log over 100 000 entries, and Ed25519 against OpenSSL.
    try SigningBench.run(entries: 100_000)
    try Ed25519Bench.run(operations: 20_000, opensslSeconds: 3)
    exit(0)
}

if arguments == ["hostile"] {
    // Only the registry under hostile peers.
    try HostileBench.run(seconds: 10)
    exit(0)
}

if arguments == ["load"] {
    // Only the 64-client load across the three services.
    try LoadBench.run(clients: 64, seconds: 30)
    exit(0)
}

if arguments.first == "reliability" {
    // scripts/reliability.sh: kill -9 cycles; `reliability N` runs N per service (default 100).
    let cycles = arguments.count > 1 ? Int(arguments[1]) ?? 100 : 100
    exit(try ReliabilityBench.run(cycles: cycles) ? 0 : 1)
}

if arguments == ["finance"] {
    // Only allocation and invoicing end to end.
    try FinanceBench.run(requests: 100, smoke: false)
    exit(0)
}

let smoke = arguments.contains("--smoke")
let quick = arguments.contains("--quick")
let unknown = arguments.filter { $0 != "--smoke" && $0 != "--quick" }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("usage: kansli-bench [--quick | --smoke | memory | signing | finance | hostile | load | reliability [N]]\n".utf8))
    exit(64)
}

print("# Kansli benchmarks (\(smoke ? "smoke run: figures meaningless" : quick ? "quick" : "full"))")
runCoderBenchmark(iterations: smoke ? 3 : quick ? 200 : 1000)
runCoderBytesBenchmark(iterations: smoke ? 2 : quick ? 20 : 100, byteCount: smoke ? 4096 : 4 << 20)
try runSHA256Benchmark(fileMiB: smoke ? 1 : quick ? 64 : 256)
try RoundTripBench.run(perConnection: smoke ? 20 : quick ? 1_000 : 5_000)
if !smoke {
    RoundTripBench.countSyscalls(executable: CommandLine.arguments[0], roundTrips: 5_000)
}
try RegistryBench.run(requests: smoke ? 20 : quick ? 500 : 2_000)
try FinanceBench.run(requests: quick ? 20 : 100, smoke: smoke)
try SigningBench.run(entries: smoke ? 100 : 100_000)
try Ed25519Bench.run(operations: smoke ? 20 : quick ? 2_000 : 20_000, opensslSeconds: smoke ? 0 : 3)
try HostileBench.run(seconds: smoke ? 0.5 : quick ? 3 : 10)
try LoadBench.run(clients: smoke ? 4 : 64, seconds: smoke ? 1 : quick ? 5 : 30)
try MemoryBench.run(calls: smoke ? 5 : 200)
