#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads on pthreads: started by name with a chosen stack size, and sleeping.
///
/// Foundation's `Thread` did this for the services; a thread per connection and a log flusher
/// need nothing more. Threads are detached: nothing joins them, they end when their body returns.
public enum PlatformThread {
    /// The default stack: 512 KiB, enough for the services' synchronous handlers (glibc's own
    /// default is 8 MiB of address space per thread).
    public static let defaultStackSize = 512 * 1024
    /// The smallest stack accepted.
    public static let minimumStackSize = 64 * 1024

    /// Starts a detached thread named `name` that runs `body`.
    ///
    /// The body is `@Sendable` and is started from this library function, so it never inherits
    /// an actor: a closure written in `main.swift` and handed to `pthread_create` directly would
    /// be inferred `@MainActor` and trap on the new thread (SWIFT-NOTES, "Concurrency traps").
    ///
    /// - Parameters:
    ///   - name: Shown by `top -H`, `ps -L` and debuggers; cut to the 15 bytes Linux keeps (at a
    ///     character boundary).
    ///   - stackSize: Bytes of stack, at least `minimumStackSize`; rounded up to whole pages.
    /// - Throws: `PlatformError` when the system refuses the thread (`EAGAIN`: too many threads
    ///   or too little memory).
    public static func start(name: String, stackSize: Int = defaultStackSize,
                             _ body: @escaping @Sendable () -> Void) throws(PlatformError) {
        guard stackSize >= minimumStackSize else {
            throw PlatformError(.invalidArgument, "a thread stack of \(stackSize) bytes is below the minimum of \(minimumStackSize)")
        }
        var attributes = pthread_attr_t()
        var status = pthread_attr_init(&attributes)
        guard status == 0 else { throw PlatformError(call: "pthread_attr_init", errno: status, path: nil, doing: "start thread \(name)") }
        defer { pthread_attr_destroy(&attributes) }
        let pageSize = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        let rounded = (stackSize + pageSize - 1) / pageSize * pageSize
        status = pthread_attr_setstacksize(&attributes, rounded)
        guard status == 0 else {
            throw PlatformError(call: "pthread_attr_setstacksize", errno: status, path: nil, doing: "start thread \(name)")
        }
        status = pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        guard status == 0 else {
            throw PlatformError(call: "pthread_attr_setdetachstate", errno: status, path: nil, doing: "start thread \(name)")
        }
        let start = Unmanaged.passRetained(ThreadStart(name: shortened(name), body: body))
        var thread = pthread_t()
        status = pthread_create(&thread, &attributes, { context in
            // Balances passRetained: the thread owns its start from here on.
            let start = Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue()
            PlatformThread.nameCurrentThread(start.name)
            start.body()
            return nil
        }, start.toOpaque())
        guard status == 0 else {
            start.release()
            throw PlatformError(call: "pthread_create", errno: status, path: nil, doing: "start thread \(name)")
        }
    }

    /// Blocks the calling thread for `seconds` (nothing when zero or less), resuming after a
    /// signal handler runs with the time that remained (`nanosleep` retried on `EINTR`), so the
    /// thread sleeps at least that long.
    ///
    /// - Precondition: `seconds` is finite. More than a million seconds (11½ days) sleeps a
    ///   million seconds.
    public static func sleep(seconds: Double) {
        precondition(seconds.isFinite, "KansliPlatform: cannot sleep \(seconds) seconds")
        guard seconds > 0 else { return }
        let bounded = min(seconds, 1_000_000)
        let whole = bounded.rounded(.down)
        var request = timespec(tv_sec: Int(whole), tv_nsec: min(999_999_999, Int((bounded - whole) * 1e9)))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 {
            guard errno == EINTR else { return }
            request = remaining
        }
    }

    /// The name of the calling thread, as the system keeps it (empty if it cannot be read).
    public static var currentName: String {
        // Glibc's module does not export the GNU pthread_getname_np; Linux keeps the name here.
        guard let bytes = try? FileSystem.readFile("/proc/thread-self/comm", limit: 64) else { return "" }
        return String(decoding: bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }

    /// Names the calling thread; best effort, since a name only helps a person reading `top -H`.
    static func nameCurrentThread(_ name: String) {
        // Glibc's module does not export the GNU pthread_setname_np; this is what it does on Linux.
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = name.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
    }

    /// `name` cut to at most 15 UTF-8 bytes without splitting a character.
    static func shortened(_ name: String) -> String {
        var result = ""
        for character in name {
            guard result.utf8.count + character.utf8.count <= 15 else { break }
            result.append(character)
        }
        return result
    }
}
