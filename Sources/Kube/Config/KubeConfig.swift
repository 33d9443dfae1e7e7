import Foundation
import JSON
import YAML

/// A kubeconfig, possibly merged from several files with kubectl's rules.
public struct KubeConfig: Sendable {
    /// One named cluster, user or context with the file it came from (relative paths resolve against it).
    public struct Entry: Sendable, Hashable {
        public var value: JSONValue
        public var sourcePath: String
        /// Index in its file's list, for error messages ("users[2]").
        public var index: Int
    }

    public var clusters: [String: Entry] = [:]
    public var users: [String: Entry] = [:]
    public var contexts: [String: Entry] = [:]
    public var currentContext: String?
    /// The files read, in order (for messages).
    public var sourcePaths: [String] = []

    public init() {}

    /// Reads and merges the files: the first file to define a name wins, and the first
    /// current-context set wins. Missing files are skipped, as kubectl does for KUBECONFIG.
    public static func load(paths: [String], requireExisting: Bool = false) throws(KubeConfigError) -> KubeConfig {
        var merged = KubeConfig()
        for path in paths where !path.isEmpty {
            guard FileManager.default.fileExists(atPath: path) else {
                if requireExisting { throw .fileUnreadable(path: path, reason: "no such file") }
                continue
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw .fileUnreadable(path: path, reason: error.localizedDescription)
            }
            merged.merge(try parse(String(decoding: data, as: UTF8.self), path: path))
        }
        return merged
    }

    /// Parses one kubeconfig document.
    public static func parse(_ text: String, path: String) throws(KubeConfigError) -> KubeConfig {
        let doc = try KubeConfigDocument.decode(text, path: path)
        var config = KubeConfig()
        config.sourcePaths = [path]
        if case .object = doc {} else if doc.isNull { return config } else {
            throw .invalid(path: path, field: "(top level)", reason: "expected a mapping, got \(doc.typeName)")
        }
        if let cc = doc["current-context"]?.stringValue, !cc.isEmpty { config.currentContext = cc }
        config.clusters = try named(doc, "clusters", inner: "cluster", path: path)
        config.users = try named(doc, "users", inner: "user", path: path)
        config.contexts = try named(doc, "contexts", inner: "context", path: path)
        return config
    }

    private static func named(_ doc: JSONValue, _ list: String, inner: String, path: String) throws(KubeConfigError) -> [String: Entry] {
        guard let value = doc[list], !value.isNull else { return [:] }
        guard let items = value.arrayValue else {
            throw .invalid(path: path, field: list, reason: "expected a list, got \(value.typeName)")
        }
        var out: [String: Entry] = [:]
        for (i, item) in items.enumerated() {
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                throw .invalid(path: path, field: "\(list)[\(i)].name", reason: "required")
            }
            let body = item[inner] ?? .object(JSONObject())
            guard case .object = body else {
                throw .invalid(path: path, field: "\(list)[\(i)].\(inner)", reason: "expected a mapping, got \(body.typeName)")
            }
            // Within one file kubectl also keeps the first of duplicate names.
            if out[name] == nil { out[name] = Entry(value: body, sourcePath: path, index: i) }
        }
        return out
    }

    /// Adds what `other` defines and self does not.
    public mutating func merge(_ other: KubeConfig) {
        if currentContext == nil { currentContext = other.currentContext }
        clusters.merge(other.clusters) { mine, _ in mine }
        users.merge(other.users) { mine, _ in mine }
        contexts.merge(other.contexts) { mine, _ in mine }
        sourcePaths += other.sourcePaths
    }

    /// The configuration of a context (the current one when nil), with an optional namespace override.
    public func configuration(context: String? = nil, namespace: String? = nil) throws(KubeConfigError) -> ClientConfiguration {
        let where_ = sourcePaths.joined(separator: ":")
        guard let contextName = context ?? currentContext else { throw .noCurrentContext(path: where_) }
        guard let ctx = contexts[contextName] else { throw .contextNotFound(contextName) }
        let clusterName = ctx.value["cluster"]?.stringValue ?? ""
        guard let cluster = clusters[clusterName] else { throw .clusterNotFound(name: clusterName, context: contextName) }
        let userName = ctx.value["user"]?.stringValue ?? ""
        let user: Entry?
        if userName.isEmpty {
            user = nil
        } else {
            guard let u = users[userName] else { throw .userNotFound(name: userName, context: contextName) }
            user = u
        }
        var config = try KubeConfigCluster.apply(cluster, name: clusterName)
        if let user { try KubeConfigUser.apply(user, name: userName, to: &config) }
        if let ns = namespace ?? ctx.value["namespace"]?.stringValue, !ns.isEmpty { config.namespace = ns }
        return config
    }
}
