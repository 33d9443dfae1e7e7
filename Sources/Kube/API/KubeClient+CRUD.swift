import Foundation
import JSON

extension KubeClient {
    public func get(_ r: GroupVersionResource, namespace: String?, name: String, subresource: String? = nil) async throws(KubeError) -> JSONValue {
        try await sendJSON(APICall(method: "GET", verb: "get", gvr: r, subresource: subresource,
                                   path: try APICall.path(r, namespace: namespace, name: name, subresource: subresource)))
    }

    /// One page of objects; `namespace` nil lists across all namespaces (or a cluster-scoped resource).
    public func list(_ r: GroupVersionResource, namespace: String?, options: ListOptions = .init()) async throws(KubeError) -> ObjectList {
        let v = try await sendJSON(APICall(method: "GET", verb: "list", gvr: r,
                                           path: try APICall.path(r, namespace: namespace, name: nil, subresource: nil),
                                           query: options.query))
        return try Self.objectList(v, r)
    }

    /// Every page, following continue tokens. The resourceVersion is the list snapshot's.
    public func listAll(_ r: GroupVersionResource, namespace: String?, options: ListOptions = .init()) async throws(KubeError) -> ObjectList {
        var opts = options
        var page = try await list(r, namespace: namespace, options: opts)
        var items = page.items
        while let token = page.continueToken {
            opts.continueToken = token
            // Continue tokens carry the snapshot; the server rejects a resourceVersion with them.
            opts.resourceVersion = nil
            opts.resourceVersionMatch = nil
            page = try await list(r, namespace: namespace, options: opts)
            items += page.items
        }
        return ObjectList(items: items, resourceVersion: page.resourceVersion, continueToken: nil, remainingItemCount: nil, kind: page.kind)
    }

    public func create(_ r: GroupVersionResource, namespace: String?, _ object: JSONValue, options: WriteOptions = .init()) async throws(KubeError) -> JSONValue {
        try await sendJSON(APICall(method: "POST", verb: "create", gvr: r,
                                   path: try APICall.path(r, namespace: namespace, name: nil, subresource: nil),
                                   query: options.query, body: JSONWriter.data(object), contentType: "application/json"))
    }

    /// Replaces the object named by its metadata.name; metadata.resourceVersion makes it conditional (409 on conflict).
    public func update(_ r: GroupVersionResource, namespace: String?, _ object: JSONValue, subresource: String? = nil,
                       options: WriteOptions = .init()) async throws(KubeError) -> JSONValue {
        guard let name = object[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
            throw .configuration("update \(r.resource): metadata.name is required")
        }
        return try await sendJSON(APICall(method: "PUT", verb: "update", gvr: r, subresource: subresource,
                                          path: try APICall.path(r, namespace: namespace, name: name, subresource: subresource),
                                          query: options.query, body: JSONWriter.data(object), contentType: "application/json"))
    }

    public func patch(_ r: GroupVersionResource, namespace: String?, name: String, _ patch: Patch, subresource: String? = nil,
                      options: WriteOptions = .init()) async throws(KubeError) -> JSONValue {
        var query = options.query
        if case .apply(_, let manager, let force) = patch {
            query.removeAll { $0.0 == "fieldManager" }
            query.append(("fieldManager", manager))
            if force { query.append(("force", "true")) }
        }
        return try await sendJSON(APICall(method: "PATCH", verb: "patch", gvr: r, subresource: subresource,
                                          path: try APICall.path(r, namespace: namespace, name: name, subresource: subresource),
                                          query: query, body: JSONWriter.data(patch.body), contentType: patch.contentType))
    }

    /// Deletes an object. Returns the object (still present with finalizers or foreground deletion)
    /// or nil when the server answered with a Success Status.
    @discardableResult
    public func delete(_ r: GroupVersionResource, namespace: String?, name: String, options: DeleteOptions = .init()) async throws(KubeError) -> JSONValue? {
        let v = try await sendJSON(APICall(method: "DELETE", verb: "delete", gvr: r,
                                           path: try APICall.path(r, namespace: namespace, name: name, subresource: nil),
                                           body: JSONWriter.data(options.body), contentType: "application/json"))
        // Not `cond ? nil : v`: JSONValue is nil-literal expressible, so that would be .some(.null).
        if v["kind"]?.stringValue == "Status" { return JSONValue?.none }
        return v
    }

    /// Deletes every object matching the selectors.
    public func deleteCollection(_ r: GroupVersionResource, namespace: String?, labelSelector: String? = nil,
                                 fieldSelector: String? = nil, options: DeleteOptions = .init()) async throws(KubeError) {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        _ = try await send(APICall(method: "DELETE", verb: "deletecollection", gvr: r,
                                   path: try APICall.path(r, namespace: namespace, name: nil, subresource: nil),
                                   query: query, body: JSONWriter.data(options.body), contentType: "application/json"))
    }

    // MARK: Status subresource

    public func getStatus(_ r: GroupVersionResource, namespace: String?, name: String) async throws(KubeError) -> JSONValue {
        try await get(r, namespace: namespace, name: name, subresource: "status")
    }

    public func updateStatus(_ r: GroupVersionResource, namespace: String?, _ object: JSONValue, options: WriteOptions = .init()) async throws(KubeError) -> JSONValue {
        try await update(r, namespace: namespace, object, subresource: "status", options: options)
    }

    public func patchStatus(_ r: GroupVersionResource, namespace: String?, name: String, _ patch: Patch, options: WriteOptions = .init()) async throws(KubeError) -> JSONValue {
        try await self.patch(r, namespace: namespace, name: name, patch, subresource: "status", options: options)
    }

    /// A GET of any path (discovery, /version, /openapi), parsed as JSON.
    public func getRaw(_ path: String) async throws(KubeError) -> JSONValue {
        try await sendJSON(APICall(method: "GET", verb: "get", path: path))
    }

    static func objectList(_ v: JSONValue, _ r: GroupVersionResource) throws(KubeError) -> ObjectList {
        guard let items = v["items"].map({ $0.isNull ? [] : $0.arrayValue }) ?? [] else {
            throw .decoding("list \(r): items is \(v["items"]?.typeName ?? "missing"), expected an array")
        }
        let meta = v["metadata"]
        let token = meta?["continue"]?.stringValue
        return ObjectList(items: items, resourceVersion: meta?["resourceVersion"]?.stringValue ?? "",
                          continueToken: token?.isEmpty == false ? token : nil,
                          remainingItemCount: meta?["remainingItemCount"]?.intValue.map { Int($0) },
                          kind: v["kind"]?.stringValue)
    }
}
