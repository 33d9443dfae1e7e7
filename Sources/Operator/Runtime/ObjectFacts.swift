import JSON

/// The metadata members reconcilers read, with empty defaults for absent ones.
struct ObjectFacts: Sendable {
    var name: String
    var namespace: String
    var uid: String
    var generation: Int64
    var resourceVersion: String
    var creationTimestamp: String
    var isDeleting: Bool

    init(_ object: JSONValue) {
        let m = object["metadata"]
        name = m?["name"]?.stringValue ?? ""
        namespace = m?["namespace"]?.stringValue ?? ""
        uid = m?["uid"]?.stringValue ?? ""
        generation = m?["generation"]?.intValue ?? 0
        resourceVersion = m?["resourceVersion"]?.stringValue ?? ""
        creationTimestamp = m?["creationTimestamp"]?.stringValue ?? ""
        isDeleting = m?["deletionTimestamp"].map { !$0.isNull } ?? false
    }
}
