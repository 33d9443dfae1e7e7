import Foundation
import HTTPServer
import JSON

/// Query parameters of resource requests, parsed and checked as kube-apiserver does (400 on nonsense).
extension HTTPRequest {
    func bool(_ name: String) -> Bool {
        guard let v = queryValue(name) else { return false }
        return v == "true" || v == "1" || v.isEmpty
    }

    func writeOptions(defaultManager: String) throws(APIError) -> WriteOptions {
        var o = WriteOptions()
        if let d = queryValue("dryRun") {
            guard d == "All" else { throw .badRequest("Invalid dry run value: \(d); supported values are: All") }
            o.dryRun = true
        }
        o.fieldManager = queryValue("fieldManager") ?? defaultManager
        switch queryValue("fieldValidation") {
        case nil, "": o.fieldValidation = .warn
        case "Strict": o.fieldValidation = .strict
        case "Warn": o.fieldValidation = .warn
        case "Ignore": o.fieldValidation = .ignore
        case let v?: throw .badRequest("fieldValidation parameter unsupported: \(v). Supported values are: Ignore, Warn, Strict")
        }
        o.force = bool("force")
        return o
    }

    func listOptions(_ t: ResourceType) throws(APIError) -> ListOptions {
        var o = ListOptions()
        if let l = queryValue("labelSelector"), !l.isEmpty { o.labelSelector = try LabelSelector(parsing: l) }
        if let f = queryValue("fieldSelector"), !f.isEmpty {
            o.fieldSelector = try FieldSelector(parsing: f, supported: t.supportedFieldSelectors)
        }
        if let l = queryValue("limit"), !l.isEmpty {
            guard let n = Int(l), n >= 0 else { throw .badRequest("limit: Invalid value: \"\(l)\": must be a non-negative integer") }
            o.limit = n
        }
        o.continueToken = queryValue("continue").flatMap { $0.isEmpty ? nil : $0 }
        o.resourceVersion = queryValue("resourceVersion")
        o.resourceVersionMatch = queryValue("resourceVersionMatch").flatMap { $0.isEmpty ? nil : $0 }
        if o.continueToken != nil, let rv = o.resourceVersion, !rv.isEmpty {
            throw .badRequest("specifying resource version is not allowed when using continue")
        }
        return o
    }

    func watchOptions(_ t: ResourceType) throws(APIError) -> WatchOptions {
        let l = try listOptions(t)
        var o = WatchOptions()
        o.labelSelector = l.labelSelector
        o.fieldSelector = l.fieldSelector
        o.resourceVersion = l.resourceVersion
        o.allowBookmarks = bool("allowWatchBookmarks")
        o.sendInitialEvents = bool("sendInitialEvents")
        return o
    }

    func deleteOptions() throws(APIError) -> DeleteOptions {
        var o = DeleteOptions()
        var body: JSONValue = .null
        if !self.body.isEmpty {
            do { body = try JSONParser.parse(self.body) } catch {
                throw .badRequest("the body of the request could not be decoded as DeleteOptions: \(error)")
            }
        }
        let policy = queryValue("propagationPolicy") ?? body["propagationPolicy"]?.stringValue
        if let p = policy, !p.isEmpty {
            guard let d = DeletePropagation(rawValue: p) else {
                throw .unprocessable("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(p)\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
            }
            o.propagation = d
        } else if body["orphanDependents"]?.boolValue == true || queryValue("orphanDependents") == "true" {
            o.propagation = .orphan
        }
        o.preconditionResourceVersion = body[path: ["preconditions", "resourceVersion"]]?.stringValue
        o.preconditionUID = body[path: ["preconditions", "uid"]]?.stringValue
        o.dryRun = queryValue("dryRun") == "All" || body["dryRun"]?.arrayValue?.contains("All") == true
        return o
    }

    /// kube-apiserver names the manager after the client when it does not say ("kubectl", "curl").
    var defaultFieldManager: String {
        let ua = headers["User-Agent"] ?? "unknown"
        return String(ua.split(separator: "/").first ?? "unknown").prefix(128).description
    }

    var contentType: String {
        (headers["Content-Type"] ?? "application/json").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? "application/json"
    }

    var wantsTable: Bool { (headers["Accept"] ?? "").contains("as=Table") }
}
