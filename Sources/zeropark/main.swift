import Foundation
import ZeroParkCommands

// The `zeropark` executable: everything lives in ZeroParkCommands; this only sets the exit code.
let status = await ZeroParkCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
