import Foundation
import KansliPlatform
import Testing

@Suite("KansliPlatform's dependencies, and the modules that keep off Foundation")
struct ModuleImportsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = root.appendingPathComponent("Shared")

    /// The modules each `import` line of `file` names (`import X`, `internal import X`, `@preconcurrency import X`).
    static func imports(_ file: URL) throws -> [String] {
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                  words[..<index].allSatisfy({ ["internal", "public", "private", "fileprivate", "package", "@preconcurrency",
                                                "@_exported", "@_implementationOnly"].contains($0) })
            else { return nil }
            return String(words[index + 1])
        }
    }

    /// The Swift files of `module` under Shared/ or Services/, in subdirectories too.
    static func sources(_ module: String) throws -> [URL] {
        let candidates = [shared.appendingPathComponent(module), root.appendingPathComponent("Services/\(module)")]
        guard let directory = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: module])
        }
        let paths = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".swift") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test("its sources import nothing but Glibc and Synchronization (Darwin where Glibc is missing)")
    func importsOnlyTheSystem() throws {
        let files = try Self.sources("KansliPlatform")
        #expect(files.count > 10)
        for file in files {
            for module in try Self.imports(file) {
                #expect(KansliPlatform.allowedImports.contains(module) || module == "Darwin",
                        "\(file.lastPathComponent) imports \(module)")
            }
        }
    }

    /// Issue 6: what the service processes link must not pull in Foundation. Add a module here
    /// when it moves off Foundation; the goal is every module a service links.
    static let foundationFree = [
        "KansliPlatform", "KansliStore", "KansliArguments", "RegistryAPI", "KansliCoding", "KansliProtocol",
        "KansliCrypto", "KansliFraming", "KansliTransport", "KansliService", "RegistryService", "FinanceAPI",
        "FinanceService", "DocumentsAPI", "DocumentsService", "KansliSigning", "kansli-registry", "kansli-finance",
        "kansli-documents",
    ]
    static let foundationFreeFiles: [String] = []

    @Test("the modules moved off Foundation import no Foundation module")
    func noFoundation() throws {
        let files = try Self.foundationFree.flatMap { try Self.sources($0) }
            + Self.foundationFreeFiles.map { Self.shared.appendingPathComponent($0) }
        #expect(files.count > 200)
        for file in files {
            for module in try Self.imports(file) where module.hasPrefix("Foundation") {
                Issue.record("\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent) imports \(module)")
            }
        }
    }
}
