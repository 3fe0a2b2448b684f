#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Files and directories, on the system calls directly: bounded reads, atomic writes,
/// `mkdir -p`, removal and permission bits. Every call retries on `EINTR` and every failure is a
/// `PlatformError` that names the path.
public enum FileSystem {
    /// The whole file at `path`, refusing one larger than `limit` bytes before reading it all.
    ///
    /// - Throws: `PlatformError` with code `tooLarge` (naming the file and the limit), or the
    ///   failed call (`notFound`, `permissionDenied` …).
    public static func readFile(_ path: String, limit: Int) throws(PlatformError) -> [UInt8] {
        guard limit >= 0 else {
            throw PlatformError(.invalidArgument, "cannot read \(path) with a negative limit of \(limit) bytes", path: path)
        }
        let descriptor = try PlatformError.retrying("open", path: path, doing: "read") {
            open(path, O_RDONLY | O_CLOEXEC)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // Read one byte past the limit at most, so an oversized file is refused without being
            // read (or held) whole.
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = try PlatformError.retrying("read", path: path, doing: "read") {
                chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= limit else {
                throw PlatformError(.tooLarge, "\(path) is larger than the limit of \(limit) bytes", path: path)
            }
        }
    }

    /// Replaces the file at `path` with `bytes` so that a reader (or a crash) sees the old file
    /// or the new one, never a part: writes a temporary file beside it, `fsync`s it, renames it
    /// over `path`, and `fsync`s the directory so the rename itself is durable.
    ///
    /// - Parameter permissions: The new file's mode bits, exactly (not masked by the umask).
    public static func writeFileAtomically(_ path: String, _ bytes: some Collection<UInt8>,
                                           permissions: UInt16 = 0o644) throws(PlatformError) {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw PlatformError(.invalidArgument, "cannot write a file at \"\(path)\": not a file path", path: path)
        }
        let temporary = "\(path).tmp-\(getpid())-\(temporaryCounter.add(1, ordering: .relaxed).newValue)"
        let descriptor = try PlatformError.retrying("open", path: temporary, doing: "create") {
            open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        do throws(PlatformError) {
            defer { close(descriptor) }
            _ = try PlatformError.retrying("fchmod", path: temporary, doing: "set the permissions of") {
                fchmod(descriptor, mode_t(permissions))
            }
            let contents = Array(bytes)
            var offset = 0
            while offset < contents.count {
                let written = try PlatformError.retrying("write", path: temporary, doing: "write") {
                    contents.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                }
                offset += written
            }
            _ = try PlatformError.retrying("fsync", path: temporary, doing: "flush") { fsync(descriptor) }
            _ = try PlatformError.retrying("rename", path: path, doing: "replace") { rename(temporary, path) }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(containing: path)
    }

    /// Creates `path` and any missing parents, like `mkdir -p`; an existing directory is fine.
    ///
    /// - Parameter permissions: Mode bits of the directories created (masked by the umask).
    public static func createDirectories(_ path: String, permissions: UInt16 = 0o755) throws(PlatformError) {
        guard !path.isEmpty else { throw PlatformError(.invalidArgument, "cannot create a directory with an empty path") }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode_t(permissions)) != 0 {
                let code = errno
                // EEXIST for a directory is the point of -p; anything else in its place is an error.
                guard code == EEXIST, isDirectory(prefix) else {
                    throw PlatformError(call: "mkdir", errno: code, path: prefix, doing: "create the directory")
                }
            }
            prefix += "/"
        }
    }

    /// Removes the file (or empty directory's entry, or symbolic link) at `path`.
    ///
    /// - Returns: false when nothing was there, which is not an error.
    @discardableResult
    public static func removeFile(_ path: String) throws(PlatformError) -> Bool {
        if unlink(path) == 0 { return true }
        let code = errno
        if code == ENOENT { return false }
        throw PlatformError(call: "unlink", errno: code, path: path, doing: "remove")
    }

    /// Removes `path` and, if it is a directory, everything in it (`rm -rf`, without following
    /// symbolic links). For temporary directories.
    ///
    /// - Returns: false when nothing was there.
    @discardableResult
    public static func removeTree(_ path: String) throws(PlatformError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return false }
            throw PlatformError(call: "lstat", errno: code, path: path, doing: "remove")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return try removeFile(path) }
        guard let directory = opendir(path) else {
            throw PlatformError(call: "opendir", errno: errno, path: path, doing: "remove")
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names { try removeTree("\(path)/\(name)") }
        _ = try PlatformError.retrying("rmdir", path: path, doing: "remove") { rmdir(path) }
        return true
    }

    /// A new, empty directory `<TMPDIR or /tmp>/<prefix>-XXXXXX` (mode 0700), made by `mkdtemp`.
    public static func makeTemporaryDirectory(prefix: String) throws(PlatformError) -> String {
        let base = ProcessEnvironment.value("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw PlatformError(call: "mkdtemp", errno: errno, path: "\(base)/\(prefix)-XXXXXX", doing: "create")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The permission bits of the file at `path` (`st_mode & 0o7777`, following symbolic links),
    /// e.g. `0o600`.
    public static func permissions(of path: String) throws(PlatformError) -> UInt16 {
        var info = stat()
        _ = try PlatformError.retrying("stat", path: path, doing: "inspect") { stat(path, &info) }
        return UInt16(info.st_mode & 0o7777)
    }

    /// The size in bytes of the file at `path` (following symbolic links).
    public static func size(of path: String) throws(PlatformError) -> Int {
        var info = stat()
        _ = try PlatformError.retrying("stat", path: path, doing: "inspect") { stat(path, &info) }
        return Int(info.st_size)
    }

    /// Sets the permission bits of the file at `path` to `permissions` exactly.
    public static func setPermissions(_ permissions: UInt16, of path: String) throws(PlatformError) {
        _ = try PlatformError.retrying("chmod", path: path, doing: "set the permissions of") {
            chmod(path, mode_t(permissions))
        }
    }

    /// Whether something exists at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// `fsync` of the directory holding `path`, which makes a rename or creation in it durable.
    static func syncDirectory(containing path: String) throws(PlatformError) {
        let directory: String
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            directory = slash == path.utf8.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let descriptor = try PlatformError.retrying("open", path: directory, doing: "open the directory") {
            open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        defer { close(descriptor) }
        _ = try PlatformError.retrying("fsync", path: directory, doing: "flush the directory") { fsync(descriptor) }
    }

    /// Makes temporary names unique between threads of this process (the pid separates processes).
    private static let temporaryCounter = Atomic<UInt64>(0)
}
