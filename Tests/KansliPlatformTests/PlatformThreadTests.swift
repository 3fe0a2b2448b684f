import Glibc
import KansliPlatform
import Synchronization
import Testing

@Suite("PlatformThread")
struct PlatformThreadTests {
    /// Waits (without a timing assertion) until `condition` holds, at most about ten seconds.
    static func wait(until condition: () -> Bool) -> Bool {
        for _ in 0..<10_000 {
            if condition() { return true }
            PlatformThread.sleep(seconds: 0.001)
        }
        return condition()
    }

    @Test("a started thread runs its body under its name, cut to 15 bytes at a character")
    func namedThread() throws {
        let seen = Mutex<String?>(nil)
        try PlatformThread.start(name: "kansli-registry-connection") {
            let name = PlatformThread.currentName
            seen.withLock { $0 = name }
        }
        #expect(Self.wait { seen.withLock { $0 != nil } })
        #expect(seen.withLock { $0 } == "kansli-registry")
        let unicode = Mutex<String?>(nil)
        try PlatformThread.start(name: "åäöåäöåäö") {
            let name = PlatformThread.currentName
            unicode.withLock { $0 = name }
        }
        #expect(Self.wait { unicode.withLock { $0 != nil } })
        #expect(unicode.withLock { $0 } == "åäöåäöå")
    }

    @Test("a stack below the minimum is refused")
    func stackSize() throws {
        let refused = #expect(throws: PlatformError.self) { try PlatformThread.start(name: "tiny", stackSize: 1024) {} }
        #expect(refused?.code == .invalidArgument)
        let ran = Mutex(false)
        try PlatformThread.start(name: "large", stackSize: 1 << 20) { ran.withLock { $0 = true } }
        #expect(Self.wait { ran.withLock { $0 } })
    }

    @Test("sleep lasts at least as long as asked, even when signals interrupt it")
    func sleepResumesAfterSignals() throws {
        // A handler without SA_RESTART makes nanosleep return EINTR early; sleep must go on.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        #expect(sigaction(SIGUSR2, &action, nil) == 0)
        let sleeper = Mutex<pthread_t?>(nil)
        let elapsed = Mutex<Double?>(nil)
        try PlatformThread.start(name: "sleeper") {
            sleeper.withLock { $0 = pthread_self() }
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            PlatformThread.sleep(seconds: 0.3)
            clock_gettime(CLOCK_MONOTONIC, &end)
            let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
            elapsed.withLock { $0 = seconds }
        }
        #expect(Self.wait { sleeper.withLock { $0 != nil } })
        let thread = sleeper.withLock { $0 }!
        var interrupted = 0
        while elapsed.withLock({ $0 == nil }) && interrupted < 20 {
            if pthread_kill(thread, SIGUSR2) == 0 { interrupted += 1 }
            PlatformThread.sleep(seconds: 0.01)
        }
        #expect(Self.wait { elapsed.withLock { $0 != nil } })
        #expect(interrupted > 0)
        // The one ordering fact nanosleep guarantees: never less than asked.
        #expect(elapsed.withLock { $0 }! >= 0.3)
    }
}
