import Foundation
import JSON
import Synchronization
import TestSupport

/// Runs the pinned real kubectl (`$KUBECTL`, else `<package>/.tools/bin/kubectl`)
/// offline, as the oracle for how kubectl reads YAML.
enum KubectlRunner {
    static var path: String { TestPaths.kubectl }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `kubectl annotate --local -f <file> -o json`: reads a manifest exactly as
    /// `kubectl apply` does, without a server, and prints it back as JSON.
    static func readManifest(_ yaml: String) throws -> JSONValue {
        let objects = try readManifests(yaml)
        guard objects.count == 1, let only = objects.first else {
            throw Failure(description: "kubectl printed \(objects.count) objects, expected 1")
        }
        return only
    }

    /// The manifest as `kubectl -o yaml` prints it (keys sorted, go-yaml v2's layout).
    static func printYAML(_ yaml: String) throws -> String {
        String(decoding: try withManifestFile(yaml) { try run(["annotate", "--local", "-f", $0, "checked=yes", "-o", "yaml"]) }, as: UTF8.self)
    }

    private static func withManifestFile(_ yaml: String, _ body: (String) throws -> Data) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("manifest.yaml")
        try Data(yaml.utf8).write(to: file)
        return try body(file.path)
    }

    /// Every object of a multi-document manifest, in order.
    static func readManifests(_ yaml: String) throws -> [JSONValue] {
        let output = try withManifestFile(yaml) { try run(["annotate", "--local", "-f", $0, "checked=yes", "-o", "json"]) }
        // One pretty-printed object after another: each starts with a "{" line.
        var objects: [JSONValue] = []
        var current = ""
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "{", !current.isEmpty {
                objects.append(try JSONParser.parse(current))
                current = ""
            }
            current += line + "\n"
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { objects.append(try JSONParser.parse(current)) }
        return objects
    }

    /// kubectl's complaint about a manifest it cannot parse, or nil when it reads it.
    static func conversionError(_ yaml: String) throws -> String? {
        do {
            _ = try readManifests(yaml)
            return nil
        } catch let failure as Failure {
            // "error parsing" and not, say, "Object 'Kind' is missing" (input starting with "{" is read as JSON).
            return failure.description.contains("error parsing") ? failure.description : nil
        }
    }

    /// Runs kubectl with a 30 s bound, so a stuck process fails the test instead of hanging it.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = "/dev/null"
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }
        // Drain stderr on another thread: a full pipe would otherwise block kubectl.
        let errorBox = DataBox()
        let errorRead = DispatchGroup()
        DispatchQueue.global().async(group: errorRead) { errorBox.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        let err = errorBox.get()
        if process.terminationReason == .uncaughtSignal {
            throw Failure(description: "kubectl \(arguments.joined(separator: " ")) was stopped after 30 s")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "kubectl failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self))")
        }
        return out
    }
}

/// Data handed from the stderr reader thread.
private final class DataBox: Sendable {
    private let data = Mutex(Data())
    func set(_ d: Data) { data.withLock { $0 = d } }
    func get() -> Data { data.withLock { $0 } }
}
