// KansliCLI: the `kansli` command-line client, as a library so tests can run it in-process.
//
// It parses the command line (KansliArguments), connects to the services it needs
// (KansliTransport's `ServiceClient`), calls their methods and prints the answers: aligned text
// for people, `--json` for scripts. Commands are grouped per service (`kansli registry …`); each
// group contributes its `CommandSpec`s and the handlers that run them.
//
// It must not talk to a database or hold domain rules: the services decide; the CLI asks and shows.
