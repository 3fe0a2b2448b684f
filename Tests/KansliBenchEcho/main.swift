// Entry point of kansli-bench-echo; see EchoServer.swift.
import Glibc

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    let usage = "usage: kansli-bench-echo <ready-file>\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(64)
}
EchoServer.run(readyFile: arguments[1])
