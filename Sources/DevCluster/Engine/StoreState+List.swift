import Foundation
import JSON

/// List with selectors, limit/continue pagination and resourceVersion semantics.
extension StoreState {
    func list(_ t: ResourceType, namespace: String?, _ o: ListOptions) throws(APIError) -> ListResult {
        let gr = t.groupResource
        var listRV = rv
        var startAfter: String?
        if let token = o.continueToken, !token.isEmpty {
            let c = try ContinueToken.decode(token)
            listRV = c.rv
            startAfter = c.start
        } else if let r = o.resourceVersion, !r.isEmpty, r != "0" {
            guard let n = Int64(r) else { throw .badRequest("invalid resource version \"\(r)\"") }
            if n > rv { throw .tooLargeResourceVersion(requested: n, current: rv) }
            if o.resourceVersionMatch == "Exact" { listRV = n }
        }
        if listRV < rv && listRV < history.start {
            throw .expired(o.continueToken != nil
                ? "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."
                : "too old resource version: \(listRV) (\(history.start))")
        }
        let source = listRV == rv ? (objects[gr] ?? [:]) : snapshot(gr, at: listRV)
        let prefix = namespace.map { t.namespaced ? $0 + "/" : "" } ?? ""
        var keys = source.keys.filter { prefix.isEmpty || $0.hasPrefix(prefix) }
        if let s = startAfter { keys = keys.filter { $0 > s } }
        keys.sort()
        var items: [JSONValue] = []
        let filtering = !o.labelSelector.isEverything || !o.fieldSelector.isEverything
        var lastKey: String?
        var idx = 0
        let limit = (o.limit ?? 0) > 0 ? o.limit : nil
        while idx < keys.count {
            let k = keys[idx]
            idx += 1
            guard let obj = source[k] else { continue }
            if filtering {
                if !o.labelSelector.matches(obj.metaLabels) { continue }
                if !o.fieldSelector.matches({ t.fieldValue($0, in: obj) }) { continue }
            }
            items.append(outward(t, obj))
            lastKey = k
            if let l = limit, items.count >= l { break }
        }
        var result = ListResult(items: items, resourceVersion: listRV)
        if limit != nil, idx < keys.count, let last = lastKey {
            result.continueToken = ContinueToken(rv: listRV, start: last).encoded
            // kube-apiserver only counts the rest when it need not filter.
            if !filtering { result.remainingItemCount = keys.count - idx }
        }
        return result
    }

    /// The objects of one resource as they were at `at`, rebuilt by undoing later history.
    func snapshot(_ gr: GroupResource, at: Int64) -> [String: JSONValue] {
        var result = objects[gr] ?? [:]
        var undone = Set<String>()
        for e in history.since(at) where e.resource == gr && !undone.contains(e.key) {
            undone.insert(e.key)
            // The first change after `at` tells what the object was at `at`.
            result[e.key] = e.type == .added ? nil : e.previous
        }
        return result
    }
}

/// The opaque `continue` token: kube-apiserver's shape (base64 JSON with rv and start key).
struct ContinueToken: Sendable {
    var rv: Int64
    var start: String

    var encoded: String {
        let json: JSONValue = ["v": "meta.k8s.io/v1", "rv": .int(rv), "start": .string(start + "\u{0}")]
        return JSONWriter.data(json).base64EncodedString()
    }

    static func decode(_ token: String) throws(APIError) -> ContinueToken {
        guard let data = Data(base64Encoded: token), let v = try? JSONParser.parse(data),
              let rv = v["rv"]?.intValue, var start = v["start"]?.stringValue
        else {
            throw .badRequest("continue key is not valid: \(token)")
        }
        if start.hasSuffix("\u{0}") { start.removeLast() }
        return ContinueToken(rv: rv, start: start)
    }
}
