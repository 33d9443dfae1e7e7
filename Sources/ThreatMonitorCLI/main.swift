import Foundation

// threat-monitor: the operator's executable. Each subcommand lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
let status = await CommandLineTool.run(arguments)
exit(status)
