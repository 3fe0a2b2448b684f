import CKansliSHA

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cryptographically secure random bytes from the operating system.
///
/// Uses getrandom(2), which blocks only until the kernel's pool is first seeded at boot; a call
/// interrupted by a signal is retried. Where getrandom(2) is missing (ENOSYS, old kernels,
/// non-Linux) it reads `/dev/urandom`. If neither works the process stops: carrying on with
/// predictable keys or tokens would be worse than crashing.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// - Precondition: `count >= 0`.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes needs a non-negative count, not \(count)")
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            fill(UnsafeMutableRawBufferPointer(buffer))
            initializedCount = count
        }
    }

    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var offset = 0
        while offset < buffer.count {
            let result = kansli_getrandom(base + offset, buffer.count - offset)
            if result > 0 {
                offset += result
                continue
            }
            let error = errno
            if result < 0 && error == EINTR { continue }
            // ENOSYS (no getrandom), EPERM (blocked by a seccomp filter) or something unexpected:
            // fall back to the device for what is left.
            fillFromDevice(UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]), getrandomError: error)
            return
        }
    }

    /// Reads `buffer.count` bytes from `/dev/urandom`, retrying on EINTR and short reads.
    private static func fillFromDevice(_ buffer: UnsafeMutableRawBufferPointer, getrandomError: Int32) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            fatalError("SecureRandom: getrandom failed (errno \(getrandomError)) and /dev/urandom cannot be opened (errno \(errno))")
        }
        defer { _ = close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let result = read(descriptor, base + offset, buffer.count - offset)
            if result > 0 {
                offset += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                fatalError("SecureRandom: reading /dev/urandom failed (result \(result), errno \(errno))")
            }
        }
    }
}
