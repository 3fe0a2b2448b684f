import Foundation
import KansliPlatform
import Testing

@Suite("KansliPlatform's dependencies")
struct ModuleImportsTests {
    @Test("its sources import nothing but Glibc and Synchronization (Darwin where Glibc is missing)")
    func importsOnlyTheSystem() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Shared/KansliPlatform")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && !line.hasPrefix("//") && !line.hasPrefix("///") {
                let module = line.split(separator: " ").last.map(String.init) ?? ""
                #expect(KansliPlatform.allowedImports.contains(module) || module == "Darwin", "\(file): \(line)")
            }
        }
    }
}
