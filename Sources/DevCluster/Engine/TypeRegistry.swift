/// Served resource types by group/version/plural, in registration order (discovery lists them so).
struct TypeRegistry: Sendable {
    private var byGVR: [String: ResourceType] = [:]
    private var order: [String] = []
    /// The version objects of a resource are stored at (first registered).
    private var storage: [GroupResource: String] = [:]

    private static func key(_ g: String, _ v: String, _ p: String) -> String { "\(g)/\(v)/\(p)" }

    mutating func register(_ t: ResourceType) {
        let k = Self.key(t.group, t.version, t.plural)
        if byGVR.updateValue(t, forKey: k) == nil { order.append(k) }
        if storage[t.groupResource] == nil { storage[t.groupResource] = t.version }
    }

    /// Removes every version of a resource.
    mutating func unregister(_ gr: GroupResource) {
        order.removeAll { k in
            guard let t = byGVR[k], t.groupResource == gr else { return false }
            byGVR[k] = nil
            return true
        }
        storage[gr] = nil
    }

    func lookup(group: String, version: String, plural: String) -> ResourceType? {
        byGVR[Self.key(group, version, plural)]
    }

    func storageType(_ gr: GroupResource) -> ResourceType? {
        storage[gr].flatMap { byGVR[Self.key(gr.group, $0, gr.resource)] }
    }

    var all: [ResourceType] { order.compactMap { byGVR[$0] } }
}
