/// Traps with `message` when `condition` is false: for API misuse that is a programming error
/// (a connection used outside its closure, a write inside a read).
///
/// Unlike `precondition`, whose message is dropped in optimized builds, this prints the message
/// in every build, so a crash in a release service says what went wrong.
@inline(__always)
func requireCorrectUse(_ condition: Bool, _ message: @autoclosure () -> String,
                       file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
