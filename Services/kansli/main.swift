// kansli: the command-line client. All logic lives in KansliCLI.
import Foundation
import KansliCLI

exit(KansliCommandLine.run(Array(CommandLine.arguments.dropFirst()),
                           environment: ProcessInfo.processInfo.environment, output: .standard))
