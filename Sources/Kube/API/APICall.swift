import Foundation
import JSON

/// One API request before auth and transport: what the client methods build.
struct APICall: Sendable {
    var method: String
    /// The RBAC verb, for the recorder and metrics.
    var verb: String
    var gvr: GroupVersionResource?
    var subresource: String?
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    var contentType: String?

    var isIdempotent: Bool { ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method) }

    /// /api/v1/namespaces/ns/configmaps/name/status
    static func path(_ r: GroupVersionResource, namespace: String?, name: String?, subresource: String?) throws(KubeError) -> String {
        // "." and ".." would be removed as dot segments and address another object; the
        // API server never allows them as names.
        for (what, value) in [("namespace", namespace), ("name", name), ("subresource", subresource)] where value == "." || value == ".." {
            throw .configuration("\(r.resource): \(what) \"\(value ?? "")\" is not a valid object name")
        }
        var p = r.basePath
        if let namespace {
            guard !namespace.isEmpty else { throw .configuration("\(r.resource): namespace is empty; pass nil for cluster-scoped resources") }
            p += "/namespaces/" + escape(namespace)
        }
        p += "/" + escape(r.resource)
        if let name {
            guard !name.isEmpty else { throw .configuration("\(r.resource): name is empty") }
            p += "/" + escape(name)
        }
        if let subresource { p += "/" + escape(subresource) }
        return p
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but RFC 3986 unreserved characters ("+" in continue tokens must survive).
    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }

    func url(base: String) throws(KubeError) -> URL {
        var s = base + path
        if !query.isEmpty {
            s += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        guard let u = URL(string: s) else { throw .configuration("cannot form a URL from \(s)") }
        return u
    }
}
