// SHA-256 throughput: KansliCrypto (portable and accelerated) against coreutils `sha256sum` and
// `openssl dgst -sha256` on the same temporary file of random bytes.
//
// Everything here except `runSHA256Benchmark` is private so it cannot collide with the other
// benchmark files of the kansli-bench target.

import Foundation
import KansliCrypto

/// Times SHA-256 over a temporary file of `fileMiB` MiB of random bytes and prints a table.
///
/// KansliCrypto reads the file in 1 MiB chunks into one reused buffer, once per backend
/// (portable Swift, and SHA-NI when the CPU has it). `sha256sum FILE` and
/// `openssl dgst -sha256 FILE` run as subprocesses, timed from spawn to reaping (start-up
/// included); a tool that is not on `PATH` is reported and left out. Each figure is the best of
/// three runs with the file already in the page cache. MB is 10^6 bytes.
///
/// - Throws: when the file cannot be written or read, a tool fails, or any two digests differ.
func runSHA256Benchmark(fileMiB: Int) throws {
    guard fileMiB > 0 else { throw SHA256BenchmarkError("fileMiB must be positive, not \(fileMiB)") }
    let byteCount = fileMiB << 20
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("kansli-sha256-bench-\(Hex.encode(SecureRandom.bytes(8))).bin").path
    defer { _ = unlink(path) }
    try writeRandomFile(path: path, byteCount: byteCount)

    var results: [(name: String, seconds: Double, digest: String)] = []
    for backend in SHA256.Backend.allCases {
        guard backend == .portable || SHA256.Backend.isAcceleratedAvailable else {
            print("KansliCrypto \(backend): not available on this CPU (no SHA extensions)")
            continue
        }
        let (seconds, digest) = try bestOfThree { try hashFile(path: path, backend: backend) }
        results.append(("KansliCrypto \(backend)", seconds, digest))
    }
    let tools: [(name: String, executable: String, arguments: [String])] = [
        ("sha256sum", "sha256sum", [path]),
        ("openssl dgst -sha256", "openssl", ["dgst", "-sha256", path]),
    ]
    for tool in tools {
        guard let executable = findExecutable(tool.executable) else {
            print("\(tool.name): not found on PATH, left out")
            continue
        }
        let (seconds, digest) = try bestOfThree { try runDigestTool(executable, tool.arguments) }
        results.append((tool.name, seconds, digest))
    }

    guard let expected = results.first?.digest else { throw SHA256BenchmarkError("nothing was measured") }
    for result in results where result.digest != expected {
        throw SHA256BenchmarkError("digest mismatch: \(result.name) gave \(result.digest), expected \(expected)")
    }

    let megabytes = Double(byteCount) / 1_000_000
    let reference = results.first { $0.name == "sha256sum" }?.seconds
    let openssl = results.first { $0.name == "openssl dgst -sha256" }?.seconds
    print("SHA-256 of a \(fileMiB) MiB file of random bytes (best of 3, warm page cache)")
    print("digest \(expected), all implementations agree")
    print(pad("implementation", 28) + pad("MB/s", 10, right: true)
          + pad("vs sha256sum", 14, right: true) + pad("vs openssl", 12, right: true))
    for result in results {
        let ratio = { (other: Double?) -> String in
            other.map { String(format: "%.2fx", $0 / result.seconds) } ?? "-"
        }
        print(pad(result.name, 28) + pad(String(format: "%.0f", megabytes / result.seconds), 10, right: true)
              + pad(ratio(reference), 14, right: true) + pad(ratio(openssl), 12, right: true))
    }
}

/// Why the benchmark could not complete.
private struct SHA256BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` three times and returns the fastest time in seconds with the digest it produced.
private func bestOfThree(_ body: () throws -> String) throws -> (seconds: Double, digest: String) {
    var best: (seconds: Double, digest: String)? = nil
    for _ in 0..<3 {
        let clock = ContinuousClock()
        let start = clock.now
        let digest = try body()
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if let fastest = best, fastest.seconds <= seconds { continue }
        best = (seconds, digest)
    }
    guard let best else { throw SHA256BenchmarkError("no run completed") }
    return best
}

/// Writes `byteCount` random bytes to a new file at `path`, 1 MiB at a time.
private func writeRandomFile(path: String, byteCount: Int) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SHA256BenchmarkError("cannot create \(path): errno \(errno)") }
    defer { _ = close(descriptor) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { chunk.deallocate() }
    var remaining = byteCount
    while remaining > 0 {
        let count = min(remaining, chunk.count)
        SecureRandom.fill(UnsafeMutableRawBufferPointer(rebasing: chunk[..<count]))
        var written = 0
        while written < count {
            let result = write(descriptor, chunk.baseAddress! + written, count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw SHA256BenchmarkError("cannot write \(path): errno \(errno)") }
            written += result
        }
        remaining -= count
    }
    // Flush now so that write-back of the dirty pages does not compete with the measurements.
    guard fsync(descriptor) == 0 else { throw SHA256BenchmarkError("cannot fsync \(path): errno \(errno)") }
}

/// Hashes the file at `path` with KansliCrypto, reading 1 MiB chunks into one buffer.
private func hashFile(path: String, backend: SHA256.Backend) throws -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SHA256BenchmarkError("cannot open \(path): errno \(errno)") }
    defer { _ = close(descriptor) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { chunk.deallocate() }
    var hasher = SHA256(backend: backend)
    while true {
        let result = read(descriptor, chunk.baseAddress, chunk.count)
        if result < 0 && errno == EINTR { continue }
        guard result >= 0 else { throw SHA256BenchmarkError("cannot read \(path): errno \(errno)") }
        if result == 0 { break }
        hasher.update(UnsafeRawBufferPointer(rebasing: chunk[..<result]))
    }
    return Hex.encode(hasher.finalize())
}

/// Runs a digest tool and returns the first 64-hex-digit word of its output.
///
/// Spawned with posix_spawn and reaped with waitpid rather than Foundation's `Process`, whose
/// `waitUntilExit()` polls its run loop every 50 ms on Linux and would add up to that much to a
/// run that takes a fraction of a second.
private func runDigestTool(_ executable: String, _ arguments: [String]) throws -> String {
    var pipeDescriptors: [Int32] = [-1, -1]
    guard pipe(&pipeDescriptors) == 0 else { throw SHA256BenchmarkError("pipe failed: errno \(errno)") }
    let (readEnd, writeEnd) = (pipeDescriptors[0], pipeDescriptors[1])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var child: pid_t = 0
    let spawnResult = posix_spawn(&child, executable, &actions, nil, argv, envp)
    _ = close(writeEnd)
    defer { _ = close(readEnd) }
    guard spawnResult == 0 else { throw SHA256BenchmarkError("cannot start \(executable): error \(spawnResult)") }

    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(readEnd, &chunk, chunk.count)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        output += chunk[..<count]
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 {
        guard errno == EINTR else { throw SHA256BenchmarkError("waitpid failed: errno \(errno)") }
    }
    // WIFEXITED(status) && WEXITSTATUS(status) == 0, spelled out: the macros do not import.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
        throw SHA256BenchmarkError("\(executable) failed (wait status \(status))")
    }
    let text = String(decoding: output, as: UTF8.self)
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "=" || $0 == "*" })
    guard let digest = words.first(where: { $0.count == 64 && Hex.decode(String($0)) != nil }) else {
        throw SHA256BenchmarkError("no digest in the output of \(executable): \(text)")
    }
    return digest.lowercased()
}

/// The full path of `name` in one of the `PATH` directories, or nil.
private func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// `text` padded with spaces to `width` columns, on the left when `right` is true.
private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
