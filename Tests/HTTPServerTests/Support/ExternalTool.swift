import Foundation

/// Runs a real client (curl, python3, openssl) with a hard deadline.
struct ExternalTool {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(20)) async throws -> Result {
        try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let output = Pipe(), errorOutput = Pipe()
            process.standardOutput = output
            process.standardError = errorOutput
            process.standardInput = FileHandle.nullDevice
            let done = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in done.signal() }
            try process.run()
            let seconds = Double(timeout.components.seconds)
            if done.wait(timeout: .now() + seconds) == .timedOut {
                process.terminate()
                _ = done.wait(timeout: .now() + 5)
                throw TestFailure.timedOut("\(executable) \(arguments.joined(separator: " "))")
            }
            let result = Result(status: process.terminationStatus,
                                output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                                errorOutput: String(decoding: errorOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            // Closed now rather than whenever Foundation lets go of them, so descriptor counts are exact.
            for pipe in [output, errorOutput] {
                try? pipe.fileHandleForReading.close()
                try? pipe.fileHandleForWriting.close()
            }
            return result
        }
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// PEM files for external clients, removed when the test ends.
final class TemporaryFiles: @unchecked Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("httpserver-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
