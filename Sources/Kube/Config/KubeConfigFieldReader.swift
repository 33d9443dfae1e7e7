import Foundation
import JSON

/// Reads a kubeconfig field of an entry with the entry's location for messages.
struct KubeConfigFieldReader {
    let entry: KubeConfig.Entry
    let prefix: String

    init(_ entry: KubeConfig.Entry, list: String, inner: String) {
        self.entry = entry
        self.prefix = "\(list)[\(entry.index)].\(inner)"
    }

    func invalid(_ field: String, _ reason: String) -> KubeConfigError {
        .invalid(path: entry.sourcePath, field: "\(prefix).\(field)", reason: reason)
    }

    func string(_ key: String) throws(KubeConfigError) -> String? {
        guard let v = entry.value[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw invalid(key, "expected a string, got \(v.typeName)") }
        return s.isEmpty ? nil : s
    }

    func bool(_ key: String) throws(KubeConfigError) -> Bool {
        guard let v = entry.value[key], !v.isNull else { return false }
        if let b = v.boolValue { return b }
        if let s = v.stringValue, let b = Bool(s) { return b }
        throw invalid(key, "expected true or false, got \(v.typeName)")
    }

    /// `key-data` (base64) or the file named by `key` (relative to the kubeconfig's folder).
    func pem(_ key: String) throws(KubeConfigError) -> Data? {
        if let b64 = try string("\(key)-data") {
            guard let d = Data(base64Encoded: b64, options: .ignoreUnknownCharacters) else {
                throw invalid("\(key)-data", "not valid base64")
            }
            return d
        }
        guard let file = try string(key) else { return nil }
        let path = resolve(file)
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw invalid(key, "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// kubectl resolves relative paths against the folder of the file that names them.
    func resolve(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        if file.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + file.dropFirst(1)
        }
        let dir = (entry.sourcePath as NSString).deletingLastPathComponent
        return dir.isEmpty ? file : dir + "/" + file
    }
}
