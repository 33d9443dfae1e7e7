import Controller
import Foundation
import JSON
import Kube
import Synchronization

/// Reconciles one Environment: its policy inventory and conditions, from the
/// caches, patched on /status only when they differ from the live status.
final class EnvironmentReconciler: Reconciler {
    let client: KubeClient
    let environments: Informer
    let policies: Informer
    let cnps: Informer
    let options: OperatorOptions
    let logger: Logger
    let statusWrites = WriteOverlay()
    /// Keys the policy controller has queued or in flight: while it is busy, an
    /// unsettled namespace is about to change.
    let policyBacklog: @Sendable () async -> Int
    /// The policy reconciler's writes the caches may not show yet.
    let policyWrites: (status: WriteOverlay, cnps: WriteOverlay)
    /// Since when each Environment has waited for its namespace's policies.
    private let waiting = Mutex<[ObjectKey: ContinuousClock.Instant]>([:])

    init(client: KubeClient, environments: Informer, policies: Informer, cnps: Informer, options: OperatorOptions,
         logger: Logger, policyWrites: (status: WriteOverlay, cnps: WriteOverlay),
         policyBacklog: @escaping @Sendable () async -> Int) {
        self.policyWrites = policyWrites
        self.policyBacklog = policyBacklog
        self.client = client
        self.environments = environments
        self.policies = policies
        self.cnps = cnps
        self.options = options
        self.logger = logger
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let environment = statusWrites.read(key, cached: environments.cache.get(key)),
              !ObjectFacts(environment).isDeleting else {
            waiting.withLock { $0[key] = nil }
            return .done
        }
        let namespace = key.namespace ?? ""
        // Through the policy reconciler's overlays: once it is idle, everything it wrote counts.
        let policyList = policyWrites.status.apply(to: policies.cache.list(namespace: namespace), namespace: namespace)
        let cnpList = policyWrites.cnps.apply(to: cnps.cache.list(namespace: namespace), namespace: namespace)
        // While policies are still being reconciled the inventory would change with
        // each of them: wait (bounded) and write it once.
        let unsettled = EnvironmentPlanner.unsettledPolicies(policies: policyList, cnps: cnpList)
        if unsettled > 0, await policyBacklog() > 0, shouldWait(key) {
            return .requeueAfter(.milliseconds(250))
        }
        waiting.withLock { $0[key] = nil }
        let plan = EnvironmentPlanner.plan(environment: environment, environments: environments.cache.list(namespace: namespace),
                                           cnps: cnpList, policies: policyList, label: options.enforcementLabel)
        let update = StatusUpdate.compute(live: environment["status"], ownedKeys: EnvironmentPlanner.ownedKeys,
                                          fields: plan.fields, conditions: plan.conditions,
                                          now: Timestamp.rfc3339(Date(), fractionDigits: 0))
        guard var patch = update.patch else { return .done }
        // Conditions are shared with other controllers (traffic, alerts) and a merge
        // patch replaces the whole list: make it conditional on what we read.
        if let rv = WriteOverlay.resourceVersion(environment) { patch[path: ["metadata", "resourceVersion"]] = .string(rv) }
        let result: JSONValue
        do {
            result = try await client.patchStatus(OperatorResources.environments, namespace: key.namespace, name: key.name,
                                                  .merge(patch), options: WriteOptions(fieldManager: OperatorResources.fieldManager))
        } catch {
            if error.isNotFound { return .done }
            throw OperatorError.api(action: "patch status of Environment \(key)", error: error)
        }
        statusWrites.record(key, basedOn: environment, written: result)
        logger.debug("environment status updated", ["key": key, "patch": JSONWriter.string(patch)])
        return .done
    }

    /// Wait while policies settle, but at most `inventorySettleTimeout` (a policy
    /// controller busy elsewhere for long must not hide the inventory).
    private func shouldWait(_ key: ObjectKey) -> Bool {
        let now = ContinuousClock.now
        return waiting.withLock { w in
            let since = w[key] ?? now
            w[key] = since
            return now - since < options.inventorySettleTimeout
        }
    }

    /// Every Environment of the object's namespace: what a change there affects.
    func keys(inNamespaceOf object: JSONValue) -> [ObjectKey] {
        guard let ns = object[path: ["metadata", "namespace"]]?.stringValue else { return [] }
        return environments.cache.list(namespace: ns).compactMap(ObjectKey.init(object:))
    }
}
