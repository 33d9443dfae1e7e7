import Foundation
import JSON

/// Deletion: finalizers, deletionTimestamp, ownerReference garbage collection (background,
/// foreground, orphan) and namespace termination. Garbage collection runs synchronously within
/// the delete, where kube-apiserver's collector would run moments later.
extension StoreState {
    static let foregroundFinalizer = "foregroundDeletion"
    static let orphanFinalizer = "orphan"

    mutating func delete(_ t: ResourceType, namespace: String?, name: String, _ o: DeleteOptions) throws(APIError) -> DeleteResult {
        let gr = t.groupResource
        let key = Self.key(t, namespace: namespace, name: name)
        guard let old = current(gr, key) else { throw .notFound(resource: gr, name: name) }
        if let p = o.preconditionResourceVersion, p != old.metaResourceVersion {
            throw .conflict(resource: gr, name: name, detail: "the ResourceVersion in the precondition (\(p)) does not match the ResourceVersion in record (\(old.metaResourceVersion)). The object might have been modified")
        }
        if let p = o.preconditionUID, p != old.metaUID {
            throw .conflict(resource: gr, name: name, detail: "the UID in the precondition (\(p)) does not match the UID in record (\(old.metaUID)). The object might have been deleted and then recreated")
        }
        if o.dryRun { return .deleted(outward(t, old)) }
        if gr == Self.namespaces {
            if ["default", "kube-system", "kube-public"].contains(name) {
                throw .forbidden(resource: gr, name: name, detail: "this namespace may not be deleted", cause: nil)
            }
            return .pending(outward(t, terminateNamespace(key, old)))
        }
        let policy = o.propagation ?? .background
        var obj = old
        var finalizers = old.metaFinalizers
        if policy == .orphan {
            orphanDependents(of: old.metaUID)
        } else if policy == .foreground, !(dependents[old.metaUID] ?? []).isEmpty, !finalizers.contains(Self.foregroundFinalizer) {
            finalizers.append(Self.foregroundFinalizer)
        }
        if finalizers.isEmpty {
            removeNow(gr, key, old)
            return .deleted(outward(t, old))
        }
        if old.metaDeletionTimestamp == nil {
            obj.setMeta("deletionTimestamp", .string(Timestamp.now()))
            obj.setMeta("deletionGracePeriodSeconds", 0)
            if let g = old[path: ["metadata", "generation"]]?.intValue { obj.setMeta("generation", .int(g + 1)) }
        }
        obj.setMeta("finalizers", .array(finalizers.map { .string($0) }))
        let stored = obj == old ? old : commit(.modified, gr, key, obj, previous: old)
        if finalizers.contains(Self.foregroundFinalizer) {
            for dep in dependents[old.metaUID] ?? [] { collect(dep, foreground: true) }
            checkForeground(ownerUID: old.metaUID)
        }
        return .pending(outward(t, current(gr, key) ?? stored))
    }

    /// Removes an object whose finalizers are all gone, then lets its dependents and waiting owners react.
    mutating func finalizeRemoval(_ gr: GroupResource, _ key: String) {
        guard let obj = current(gr, key) else { return }
        removeNow(gr, key, obj)
    }

    private mutating func removeNow(_ gr: GroupResource, _ key: String, _ obj: JSONValue) {
        let uid = obj.metaUID
        commit(.deleted, gr, key, obj, previous: obj)
        if gr == Self.crds { removeCustomResources(obj) }
        // Background GC: dependents whose owners are now all gone go too.
        for dep in dependents[uid] ?? [] { collect(dep, foreground: false) }
        dependents[uid] = nil
        for ownerUID in obj.metaOwnerUIDs { checkForeground(ownerUID: ownerUID) }
        if gr != Self.namespaces, let slash = key.firstIndex(of: "/") {
            checkNamespaceEmpty(String(key[..<slash]))
        }
    }

    /// Deletes a dependent whose owners are all gone, or just drops the dangling reference.
    private mutating func collect(_ ref: ObjectRef, foreground: Bool) {
        guard let dep = current(ref.resource, ref.key), let t = types.storageType(ref.resource) else { return }
        let remaining = dep.metaOwnerUIDs.filter { uid in
            guard let owner = byUID[uid].flatMap({ current($0.resource, $0.key) }) else { return false }
            return owner.metaDeletionTimestamp == nil
        }
        if !remaining.isEmpty && !foreground {
            var updated = dep
            let refs = dep[path: ["metadata", "ownerReferences"]]?.arrayValue?.filter {
                remaining.contains($0["uid"]?.stringValue ?? "")
            } ?? []
            updated.setMeta("ownerReferences", .array(refs))
            commit(.modified, ref.resource, ref.key, updated, previous: dep)
            return
        }
        if !remaining.isEmpty { return }
        let ns = dep.metaNamespace
        _ = try? delete(t, namespace: ns.isEmpty ? nil : ns, name: dep.metaName,
                        DeleteOptions(propagation: foreground ? .foreground : .background))
    }

    /// An owner in foreground deletion goes once no dependent is left.
    private mutating func checkForeground(ownerUID: String) {
        guard let ref = byUID[ownerUID], let owner = current(ref.resource, ref.key),
              owner.metaFinalizers.contains(Self.foregroundFinalizer),
              (dependents[ownerUID] ?? []).isEmpty
        else { return }
        var updated = owner
        let rest = owner.metaFinalizers.filter { $0 != Self.foregroundFinalizer }
        updated.setMeta("finalizers", rest.isEmpty ? nil : .array(rest.map { .string($0) }))
        let stored = commit(.modified, ref.resource, ref.key, updated, previous: owner)
        if rest.isEmpty { removeNow(ref.resource, ref.key, stored) }
    }

    private mutating func orphanDependents(of uid: String) {
        for ref in dependents[uid] ?? [] {
            guard let dep = current(ref.resource, ref.key) else { continue }
            var updated = dep
            let refs = dep[path: ["metadata", "ownerReferences"]]?.arrayValue?.filter { $0["uid"]?.stringValue != uid } ?? []
            updated.setMeta("ownerReferences", refs.isEmpty ? nil : .array(refs))
            commit(.modified, ref.resource, ref.key, updated, previous: dep)
        }
        dependents[uid] = nil
    }

    // MARK: - Namespaces

    private mutating func terminateNamespace(_ key: String, _ old: JSONValue) -> JSONValue {
        var ns = old
        if old.metaDeletionTimestamp == nil {
            ns.setMeta("deletionTimestamp", .string(Timestamp.now()))
            ns["status"] = ["phase": "Terminating"]
            ns = commit(.modified, Self.namespaces, key, ns, previous: old)
        }
        let terminating = ns
        for t in types.all where t.namespaced {
            guard types.storageType(t.groupResource)?.version == t.version else { continue }
            let prefix = key + "/"
            let keys = (objects[t.groupResource] ?? [:]).keys.filter { $0.hasPrefix(prefix) }
            for k in keys {
                guard let obj = current(t.groupResource, k) else { continue }
                _ = try? delete(t, namespace: key, name: obj.metaName, DeleteOptions())
            }
        }
        checkNamespaceEmpty(key)
        return terminating
    }

    private mutating func checkNamespaceEmpty(_ ns: String) {
        guard let nsObj = current(Self.namespaces, ns), nsObj.metaDeletionTimestamp != nil else { return }
        if (namespaceCounts[ns] ?? 0) > 0 { return }
        removeNow(Self.namespaces, ns, nsObj)
    }

    /// Deleting a CRD deletes its objects and stops serving it.
    private mutating func removeCustomResources(_ crd: JSONValue) {
        let gr = GroupResource(group: crd[path: ["spec", "group"]]?.stringValue ?? "",
                               resource: crd[path: ["spec", "names", "plural"]]?.stringValue ?? "")
        for (key, obj) in objects[gr] ?? [:] { removeNow(gr, key, obj) }
        objects[gr] = nil
        for (id, w) in watchers where w.type.groupResource == gr {
            w.continuation.finish()
            watchers[id] = nil
        }
        types.unregister(gr)
    }
}
