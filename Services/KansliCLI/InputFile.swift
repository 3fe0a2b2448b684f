import Foundation

/// Reading a file named on the command line: bounded before anything is allocated for it, with
/// errors a person can act on. A file that cannot be read is a `LocalFailure` `noInput`
/// (exit 66); one that is too large, not JSON, or not the kind of file expected is `dataError`
/// (exit 65), naming the line and column or the JSON path at fault.
enum InputFile {
    /// The bytes of `path` (`-`: standard input), at most `limit`.
    static func read(_ path: String, limit: Int, kind: String) throws -> Data {
        let data: Data
        do {
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw LocalFailure(.noInput, "cannot read \"\(path)\": \(error.localizedDescription)", field: "file")
        }
        guard data.count <= limit else {
            throw LocalFailure(.dataError, "\(displayName(path)) is larger than \(sizeText(limit)), the most \(kind) may be", field: "file")
        }
        return data
    }

    /// `path` read as for `read`, then decoded by `decode`; a decoding error names where.
    static func json<Value>(_ path: String, limit: Int, kind: String, _ decode: (Data) throws -> Value) throws -> Value {
        let data = try read(path, limit: limit, kind: kind)
        do {
            return try decode(data)
        } catch let error as DecodingError {
            let name = displayName(path)
            if let location = syntaxErrorLocation(in: data) {
                let numbers = location.split(separator: ":").first?.split(separator: ",")
                    .compactMap { Int($0.filter(\.isNumber)) } ?? []
                throw LocalFailure(.dataError, "\(name) is not JSON: \(location)", field: "file",
                                   line: numbers.count == 2 ? numbers[0] : nil, column: numbers.count == 2 ? numbers[1] : nil)
            }
            let (field, problem) = describe(error)
            throw LocalFailure(.dataError, "\(name) is not \(kind): \(field.isEmpty ? "" : "\(field): ")\(problem)",
                               field: field.isEmpty ? "file" : "file.\(field)")
        }
    }

    static func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    /// Where `data` stops being JSON, as "line 3, column 3: invalid value", or nil if it is JSON.
    /// JSONDecoder says only that the data is not valid JSON; JSONSerialization gives the offset
    /// ("around character 26"), which is turned into a line and column a person can go to.
    static func syntaxErrorLocation(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            guard let range = description.range(of: "character "),
                let offset = Int(description[range.upperBound...].prefix { $0.isNumber })
            else { return description.isEmpty ? "not valid JSON" : description }
            var line = 1, column = 1
            for byte in data.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {  // count characters, not the continuation bytes of UTF-8
                    column += 1
                }
            }
            let problem = description.components(separatedBy: " around ").first ?? description
            return "line \(line), column \(column): \(problem.prefix(1).lowercased() + problem.dropFirst())"
        }
    }

    /// The JSON path (`parties[2].organisationNumber`) and the problem of a decoding error.
    static func describe(_ error: DecodingError) -> (path: String, problem: String) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .dataCorrupted(let context):
            let cause = context.underlyingError?.localizedDescription
            return (path(context.codingPath), [context.debugDescription, cause].compactMap { $0 }.joined(separator: " "))
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(type), found null")
        @unknown default:
            return ("", "\(error)")
        }
    }
}
