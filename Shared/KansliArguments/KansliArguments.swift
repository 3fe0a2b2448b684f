// KansliArguments: the command-line parser of Kansli's executables.
//
// What it is for
//   The three services (`kansli-registry --port 0 --data-dir DIR …`) and the CLI (`kansli registry
//   party add --committee NB --name Luleå --host`) describe their command line once, as a tree of
//   `CommandSpec` values, and get back either a `ParsedCommand` with typed, validated accessors or
//   generated help text. Every mistake a user can make becomes an `ArgumentError` that names the
//   option or argument at fault and says what was expected.
//
// The rules it implements
//   - `--name value` and `--name=value`; a value that itself starts with `--` must use the `=` form.
//   - `--` ends the options: everything after it is a positional argument.
//   - `-h` and `--help` at any level give the help of the command reached so far, even when the
//     rest of the command line has errors; they are never taken as an option's value.
//   - Options and flags of a command also apply to all of its subcommands, before or after the
//     subcommand's name (`kansli --json registry committee list` and `… list --json` agree).
//   - An option's value comes from the command line, else its environment variable (when set and
//     not empty), else its default.
//   - A non-repeatable option given twice is an error; a flag given twice is the same as once.
//   - A command either has subcommands (a group, which cannot run by itself) or positional
//     arguments, never both.
//
// What it must not do
//   No I/O except `CommandSpec.parseCommandLine()` reading the process's own arguments and
//   environment; no printing and no exiting: the executable decides what to do with help and
//   errors. A malformed spec (duplicate names, contradictory declarations) is a programming error
//   and stops the process at construction with a message; it is never reported to the user.
