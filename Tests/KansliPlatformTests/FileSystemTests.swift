import Glibc
import KansliPlatform
import Testing

@Suite("FileSystem and ProcessEnvironment")
struct FileSystemTests {
    @Test("an atomic write replaces the file with exact permissions and reads back; the limit is enforced")
    func writeAndRead() throws {
        let directory = try FileSystem.makeTemporaryDirectory(prefix: "kansli-platform")
        defer { _ = try? FileSystem.removeTree(directory) }
        #expect(try FileSystem.permissions(of: directory) == 0o700)
        let path = "\(directory)/keys"
        try FileSystem.writeFileAtomically(path, Array("first\n".utf8), permissions: 0o600)
        try FileSystem.writeFileAtomically(path, Array("second\n".utf8), permissions: 0o640)
        #expect(try FileSystem.readFile(path, limit: 100) == Array("second\n".utf8))
        #expect(try FileSystem.permissions(of: path) == 0o640)
        #expect(try FileSystem.readFile(path, limit: 7).count == 7)
        let tooLarge = #expect(throws: PlatformError.self) { try FileSystem.readFile(path, limit: 6) }
        #expect(tooLarge?.code == .tooLarge)
        #expect(tooLarge?.message.contains(path) == true)
        // No temporary file is left beside it.
        #expect(try directoryEntries(directory) == ["keys"])
        let big = [UInt8](repeating: 7, count: 300_000)
        try FileSystem.writeFileAtomically(path, big)
        #expect(try FileSystem.readFile(path, limit: 300_000) == big)
    }

    @Test("errors name the file and say why")
    func errors() throws {
        let missing = #expect(throws: PlatformError.self) { try FileSystem.readFile("/nonexistent/kansli", limit: 10) }
        #expect(missing?.code == .notFound)
        #expect(missing?.message == "cannot read /nonexistent/kansli: No such file or directory (open, errno 2)")
        let noDirectory = #expect(throws: PlatformError.self) {
            try FileSystem.writeFileAtomically("/nonexistent/kansli/file", [1])
        }
        #expect(noDirectory?.code == .notFound)
        #expect(try FileSystem.removeFile("/nonexistent/kansli") == false)
        let negative = #expect(throws: PlatformError.self) { try FileSystem.readFile("/etc/hostname", limit: -1) }
        #expect(negative?.code == .invalidArgument)
    }

    @Test("createDirectories is mkdir -p; removeTree is rm -r; setPermissions sets mode bits")
    func directories() throws {
        let directory = try FileSystem.makeTemporaryDirectory(prefix: "kansli-platform")
        defer { _ = try? FileSystem.removeTree(directory) }
        try FileSystem.createDirectories("\(directory)/a/b/c")
        try FileSystem.createDirectories("\(directory)/a/b/c/")
        #expect(FileSystem.isDirectory("\(directory)/a/b/c"))
        try FileSystem.writeFileAtomically("\(directory)/a/b/file", [1, 2, 3])
        let blocked = #expect(throws: PlatformError.self) { try FileSystem.createDirectories("\(directory)/a/b/file/d") }
        #expect(blocked?.path == "\(directory)/a/b/file")
        try FileSystem.setPermissions(0o600, of: "\(directory)/a/b/file")
        #expect(try FileSystem.permissions(of: "\(directory)/a/b/file") == 0o600)
        #expect(try FileSystem.removeFile("\(directory)/a/b/file"))
        #expect(!FileSystem.exists("\(directory)/a/b/file"))
        try FileSystem.writeFileAtomically("\(directory)/a/b/c/deep", [1])
        #expect(try FileSystem.removeTree("\(directory)/a"))
        #expect(!FileSystem.exists("\(directory)/a"))
        #expect(try FileSystem.removeTree("\(directory)/a") == false)
    }

    @Test("the environment is read from environ")
    func environment() {
        setenv("KANSLI_PLATFORM_TEST", "a=b c", 1)
        defer { unsetenv("KANSLI_PLATFORM_TEST") }
        let environment = ProcessEnvironment.current()
        #expect(environment["KANSLI_PLATFORM_TEST"] == "a=b c")
        #expect(environment["PATH"] == ProcessEnvironment.value("PATH"))
        #expect(ProcessEnvironment.value("KANSLI_PLATFORM_TEST_UNSET") == nil)
    }

    func directoryEntries(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw PlatformError(.notFound, "opendir \(path)") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
