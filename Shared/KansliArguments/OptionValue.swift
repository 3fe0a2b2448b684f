/// One value of an option, with where it came from so errors can say so.
struct OptionValue: Sendable, Hashable {
    /// The text as given.
    let text: String
    /// `nil` for the command line, else a note such as `from KANSLI_PORT` or `the default`.
    let origin: String?
}
