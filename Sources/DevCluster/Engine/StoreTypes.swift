import JSON

/// `fieldValidation` query parameter: what to do with fields the schema does not know.
enum FieldValidation: String, Sendable {
    case strict = "Strict", warn = "Warn", ignore = "Ignore"
}

struct WriteOptions: Sendable {
    var dryRun = false
    var fieldManager: String?
    /// kube-apiserver's default when the client does not say.
    var fieldValidation: FieldValidation = .warn
    var force = false
    /// Set for server-side apply: the configuration the manager now owns.
    var applyConfig: JSONValue?
}

struct WriteResult: Sendable {
    var object: JSONValue
    var warnings: [String] = []
    var created = false
}

struct ListOptions: Sendable {
    var labelSelector = LabelSelector()
    var fieldSelector = FieldSelector()
    var limit: Int?
    var continueToken: String?
    var resourceVersion: String?
    var resourceVersionMatch: String?
}

struct ListResult: Sendable {
    var items: [JSONValue]
    var resourceVersion: Int64
    var continueToken: String?
    var remainingItemCount: Int?
}

struct WatchOptions: Sendable {
    var labelSelector = LabelSelector()
    var fieldSelector = FieldSelector()
    var resourceVersion: String?
    var allowBookmarks = false
    var sendInitialEvents = false
    /// Events a slow watcher may have queued before it is closed (kube-apiserver closes slow watchers too).
    var bufferLimit = 10_000
}

enum DeletePropagation: String, Sendable {
    case background = "Background", foreground = "Foreground", orphan = "Orphan"
}

struct DeleteOptions: Sendable {
    var propagation: DeletePropagation?
    var preconditionResourceVersion: String?
    var preconditionUID: String?
    var dryRun = false
}

enum DeleteResult: Sendable {
    /// Gone from storage; carries the object as it was.
    case deleted(JSONValue)
    /// Still present (finalizers or foreground deletion); carries it with deletionTimestamp set.
    case pending(JSONValue)
}

/// An open watch: the stream to read and the id to cancel it with.
struct WatchSubscription: Sendable {
    var id: Int
    var events: AsyncStream<WatchEvent>
}

/// Where a stored object lives: resource plus "namespace/name" (or "name").
struct ObjectRef: Sendable, Hashable {
    var resource: GroupResource
    var key: String
}

/// Patch bodies the store understands.
enum PatchType: String, Sendable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategic = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"
}
