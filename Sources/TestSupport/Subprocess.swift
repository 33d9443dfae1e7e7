import Foundation
import Synchronization

/// Runs a program to completion with a deadline; tests use it to drive kubectl and friends.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public var succeeded: Bool { status == 0 }

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum Subprocess {
    public struct Timeout: Error, CustomStringConvertible {
        public let command: String
        public var description: String { "timed out: \(command)" }
    }

    /// The child's output goes to temporary files and its exit is awaited without
    /// blocking a thread of Swift's cooperative pool: on a 2-core machine that
    /// pool has two threads, and an in-process API server needs them to answer
    /// the very kubectl being waited for.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil, timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        let inURL = dir.appendingPathComponent("stdin")
        guard fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil),
              fm.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? out.close(); try? err.close(); try? input.close() }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input

        let exited = AsyncStream<Void>.makeStream()
        p.terminationHandler = { _ in exited.continuation.yield(); exited.continuation.finish() }
        try p.run()
        let timedOut = Mutex(false)
        let timer = Task {
            try await Task.sleep(for: timeout)
            timedOut.withLock { $0 = true }
            p.terminate()
        }
        for await _ in exited.stream { break }
        timer.cancel()
        if timedOut.withLock({ $0 }) {
            throw Timeout(command: ([executable] + arguments).joined(separator: " "))
        }
        return ProcessResult(status: p.terminationStatus,
                             stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
public func eventually(timeout: Duration = .seconds(10), every interval: Duration = .milliseconds(20),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}
