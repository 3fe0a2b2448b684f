import CKansliSHA

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SHA256 {
    /// Which block function a ``SHA256`` value uses for whole 64-byte blocks.
    ///
    /// Both give identical digests; they differ only in speed. The accelerated one uses the x86
    /// SHA extensions (SHA-NI) and is several times faster where the CPU has them.
    public enum Backend: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The fully unrolled Swift block function; runs on every CPU.
        case portable
        /// The x86 SHA extensions (SHA256RNDS2/MSG1/MSG2), when ``isAcceleratedAvailable``.
        case accelerated

        /// The environment variable that, set to `1` (or `true`/`yes`), makes ``default``
        /// portable. Read once, the first time a default is needed.
        public static let portableEnvironmentVariable = "KANSLI_SHA256_PORTABLE"

        /// Whether this CPU has the SHA extensions (CPUID leaf 7, EBX bit 29) plus SSSE3 and
        /// SSE4.1. Always false on non-x86 machines.
        public static let isAcceleratedAvailable: Bool = kansli_sha256_ni_available() != 0

        /// What ``SHA256/init()`` uses: ``accelerated`` when available, unless the environment
        /// variable ``portableEnvironmentVariable`` asks for ``portable``.
        public static let `default`: Backend = resolveDefault(
            environmentValue: getenv(portableEnvironmentVariable).map { String(cString: $0) },
            acceleratedAvailable: isAcceleratedAvailable
        )

        /// The name used in logs and benchmark output: "portable" or "accelerated".
        public var description: String { rawValue }

        /// The default backend for a given value of the environment variable.
        internal static func resolveDefault(environmentValue: String?, acceleratedAvailable: Bool) -> Backend {
            let forcePortable = ["1", "true", "yes"].contains(environmentValue?.lowercased() ?? "")
            return acceleratedAvailable && !forcePortable ? .accelerated : .portable
        }
    }
}
