import Foundation

/// Runs a command with a hard timeout (tests must never hang) and collects its output.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
}

enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    stdin: String? = nil, timeout: Duration = .seconds(20)) async throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        let (ended, signal) = AsyncStream<Void>.makeStream()
        p.terminationHandler = { _ in signal.yield(); signal.finish() }
        try p.run()
        if let s = stdin { input.fileHandleForWriting.write(Data(s.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read concurrently so a chatty process cannot block on a full pipe. The blocking reads run
        // on GCD threads: on the cooperative pool (2 threads here) they would starve the server's handlers.
        async let outData = readAll(out.fileHandleForReading)
        async let errData = readAll(err.fileHandleForReading)
        let timedOut = await withTaskGroup(of: Bool.self) { group in
            group.addTask { for await _ in ended { return false }; return false }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return true
            }
            let first = await group.next() ?? false
            if first { p.terminate() }
            group.cancelAll()
            return first
        }
        let o = await outData, e = await errData
        // The process has ended (or was terminated): waiting here is short.
        p.waitUntilExit()
        return ProcessResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                             stderr: String(decoding: e, as: UTF8.self), timedOut: timedOut)
    }

    private static func readAll(_ h: FileHandle) async -> Data {
        await withCheckedContinuation { c in
            DispatchQueue.global().async { c.resume(returning: h.readDataToEndOfFile()) }
        }
    }
}
