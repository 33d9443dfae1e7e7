import JSON

/// Options of list calls.
public struct ListOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    public var limit: Int?
    public var continueToken: String?
    public var resourceVersion: String?
    /// "NotOlderThan" or "Exact"; only with resourceVersion.
    public var resourceVersionMatch: String?
    public var timeoutSeconds: Int?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
                resourceVersion: String? = nil, resourceVersionMatch: String? = nil, timeoutSeconds: Int? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.timeoutSeconds = timeoutSeconds
    }

    var query: [(String, String)] {
        var q: [(String, String)] = []
        if let labelSelector { q.append(("labelSelector", labelSelector)) }
        if let fieldSelector { q.append(("fieldSelector", fieldSelector)) }
        if let limit { q.append(("limit", String(limit))) }
        if let continueToken { q.append(("continue", continueToken)) }
        if let resourceVersion { q.append(("resourceVersion", resourceVersion)) }
        if let resourceVersionMatch { q.append(("resourceVersionMatch", resourceVersionMatch)) }
        if let timeoutSeconds { q.append(("timeoutSeconds", String(timeoutSeconds))) }
        return q
    }
}

/// Options of watch calls.
public struct WatchOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Start after this version (from a list); nil starts with synthetic ADDED events for every object.
    public var resourceVersion: String?
    public var allowWatchBookmarks = true
    /// The server ends the watch after this long (controller-runtime: random 5-10 minutes).
    public var timeoutSeconds: Int?
    /// Receive the initial state as events then a bookmark (WatchList); needs resourceVersionMatch NotOlderThan.
    public var sendInitialEvents: Bool?
    public var resourceVersionMatch: String?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
                allowWatchBookmarks: Bool = true, timeoutSeconds: Int? = nil, sendInitialEvents: Bool? = nil,
                resourceVersionMatch: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
        self.sendInitialEvents = sendInitialEvents
        self.resourceVersionMatch = resourceVersionMatch
    }

    var query: [(String, String)] {
        var q: [(String, String)] = [("watch", "1")]
        if let labelSelector { q.append(("labelSelector", labelSelector)) }
        if let fieldSelector { q.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { q.append(("resourceVersion", resourceVersion)) }
        if allowWatchBookmarks { q.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { q.append(("timeoutSeconds", String(timeoutSeconds))) }
        if let sendInitialEvents { q.append(("sendInitialEvents", String(sendInitialEvents))) }
        if let resourceVersionMatch { q.append(("resourceVersionMatch", resourceVersionMatch)) }
        return q
    }
}

/// How the server checks fields it does not know (fieldValidation).
public enum FieldValidation: String, Sendable, Hashable {
    case ignore = "Ignore", warn = "Warn", strict = "Strict"
}

/// Options of create, update and patch.
public struct WriteOptions: Sendable, Hashable {
    public var dryRun = false
    public var fieldManager: String?
    public var fieldValidation: FieldValidation?

    public init(dryRun: Bool = false, fieldManager: String? = nil, fieldValidation: FieldValidation? = nil) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.fieldValidation = fieldValidation
    }

    var query: [(String, String)] {
        var q: [(String, String)] = []
        if dryRun { q.append(("dryRun", "All")) }
        if let fieldManager { q.append(("fieldManager", fieldManager)) }
        if let fieldValidation { q.append(("fieldValidation", fieldValidation.rawValue)) }
        return q
    }
}

/// Options of delete.
public struct DeleteOptions: Sendable, Hashable {
    public enum PropagationPolicy: String, Sendable, Hashable {
        case orphan = "Orphan", background = "Background", foreground = "Foreground"
    }

    public var propagationPolicy: PropagationPolicy?
    /// Delete only if the object still has this uid / resourceVersion (409 otherwise).
    public var preconditionUID: String?
    public var preconditionResourceVersion: String?
    public var gracePeriodSeconds: Int?
    public var dryRun = false

    public init(propagationPolicy: PropagationPolicy? = nil, preconditionUID: String? = nil,
                preconditionResourceVersion: String? = nil, gracePeriodSeconds: Int? = nil, dryRun: Bool = false) {
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    /// The DeleteOptions body the server expects.
    var body: JSONValue {
        var v: JSONValue = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let propagationPolicy { v["propagationPolicy"] = .string(propagationPolicy.rawValue) }
        if let gracePeriodSeconds { v["gracePeriodSeconds"] = .int(Int64(gracePeriodSeconds)) }
        if preconditionUID != nil || preconditionResourceVersion != nil {
            var p: JSONValue = [:]
            if let preconditionUID { p["uid"] = .string(preconditionUID) }
            if let preconditionResourceVersion { p["resourceVersion"] = .string(preconditionResourceVersion) }
            v["preconditions"] = p
        }
        if dryRun { v["dryRun"] = ["All"] }
        return v
    }
}

/// A patch and its content type.
public enum Patch: Sendable, Hashable {
    /// RFC 7386 JSON merge patch.
    case merge(JSONValue)
    /// RFC 6902 JSON patch operations.
    case json([JSONValue])
    case strategicMerge(JSONValue)
    /// Server-side apply of a full intent object.
    case apply(JSONValue, fieldManager: String, force: Bool)

    var contentType: String {
        switch self {
        case .merge: return "application/merge-patch+json"
        case .json: return "application/json-patch+json"
        case .strategicMerge: return "application/strategic-merge-patch+json"
        case .apply: return "application/apply-patch+yaml"
        }
    }

    var body: JSONValue {
        switch self {
        case .merge(let v), .strategicMerge(let v), .apply(let v, _, _): return v
        case .json(let ops): return .array(ops)
        }
    }
}

/// One page of a list.
public struct ObjectList: Sendable, Hashable {
    public var items: [JSONValue]
    public var resourceVersion: String
    /// Present when more pages follow.
    public var continueToken: String?
    public var remainingItemCount: Int?
    /// The list's kind ("ConfigMapList").
    public var kind: String?

    public init(items: [JSONValue], resourceVersion: String, continueToken: String? = nil, remainingItemCount: Int? = nil, kind: String? = nil) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
        self.kind = kind
    }
}
