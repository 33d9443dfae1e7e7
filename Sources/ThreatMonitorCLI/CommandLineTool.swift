import DevCluster
import Foundation
import Operator

/// Dispatches `threat-monitor <command> [flags]` to the command's implementation.
enum CommandLineTool {
    struct Command: Sendable {
        let name: String
        let summary: String
        let run: @Sendable ([String]) async -> Int32
    }

    static let version = "0.1.0"

    static let commands: [Command] = [
        Command(name: "run", summary: "Run the operator against a cluster (kubeconfig or in-cluster)") {
            await OperatorCommand.run(arguments: $0)
        },
        Command(name: "demo", summary: "Local API server + operator + example policies, for kubectl") {
            await DemoCommand.run($0)
        },
        Command(name: "dev-cluster", summary: "A local Kubernetes API server for kubectl and tests") {
            await runDevClusterCommand(arguments: $0)
        },
        Command(name: "version", summary: "Print the version") { _ in
            print("threat-monitor \(version)")
            return 0
        },
    ]

    static func run(_ arguments: [String]) async -> Int32 {
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
            print(usage)
            return arguments.isEmpty ? 2 : 0
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(Data("threat-monitor: unknown command \"\(name)\"\n\n\(usage)\n".utf8))
            return 2
        }
        return await command.run(Array(arguments.dropFirst()))
    }

    static var usage: String {
        var s = "Usage: threat-monitor <command> [flags]\n\nCommands:\n"
        for c in commands { s += "  " + c.name.padding(toLength: 14, withPad: " ", startingAt: 0) + c.summary + "\n" }
        s += "\nRun 'threat-monitor <command> --help' for a command's flags."
        return s
    }
}
