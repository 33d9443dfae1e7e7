import Controller
import Foundation
import JSON
import Kube
import Policies

/// Reconciles one ContainerNetworkPolicy: plans from the caches (PolicyPlanner),
/// then writes the CiliumNetworkPolicy and the status only where they differ.
final class PolicyReconciler: Reconciler {
    let client: KubeClient
    let policies: Informer
    let cnps: Informer
    let cilium: CiliumProbe
    /// Our writes not yet in the caches (CNPs, and the policies' status).
    let cnpWrites = WriteOverlay()
    let statusWrites = WriteOverlay()
    let options: OperatorOptions
    let events: any EventSink
    let logger: Logger

    init(client: KubeClient, policies: Informer, cnps: Informer, cilium: CiliumProbe, options: OperatorOptions,
         events: any EventSink, logger: Logger) {
        self.client = client
        self.policies = policies
        self.cnps = cnps
        self.cilium = cilium
        self.options = options
        self.events = events
        self.logger = logger
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        // Gone: the API server's garbage collector deletes the CNP through its ownerReference.
        guard let policy = statusWrites.read(key, cached: policies.cache.get(key)), !ObjectFacts(policy).isDeleting else {
            return .done
        }
        let state: CiliumState
        switch try await probe(key) {
        case .available: state = .available
        case .missing: state = .missing
        // Served but not listed yet (the reflector is backing off, or RBAC forbids the
        // list): retry with the controller's backoff; the cache's sync requeues everyone.
        case .syncing: throw OperatorError.ciliumCacheNotSynced
        }
        let live = cnpWrites.read(key, cached: cnps.cache.get(key))
        var plan = PolicyPlanner.plan(policy: policy, live: live, cilium: state, options: options)
        var wrote = false
        if let write = plan.write {
            do {
                try await apply(write, key: key, basedOn: live)
                wrote = true
            } catch let error as KubeError where error.isNotFound {
                // The CNP went away meanwhile (its watch event follows), its namespace is
                // going, or Cilium's CRD was removed: the retry asks discovery again.
                cilium.recheck()
                throw OperatorError.api(action: "write CiliumNetworkPolicy \(key)", error: error)
            } catch let error as KubeError where error.isInvalid || error.statusCode == 400 {
                plan = rejected(plan, policy: policy, error: error)
            }
        }
        let patched = try await writeStatus(policy, plan: plan, key: key)
        if let e = plan.event, wrote || patched {
            await events.event(policy, type: e.type, reason: e.reason, action: "Reconcile", note: e.note)
        }
        if plan.retry { throw OperatorError.ciliumUnavailable(namespace: key.namespace ?? "", name: key.name) }
        return .done
    }

    private func probe(_ key: ObjectKey) async throws -> CiliumProbe.Answer {
        do { return try await cilium.check() } catch {
            throw OperatorError.api(action: "discover \(PolicyMetadata.ciliumAPIVersion)", error: error)
        }
    }

    /// Creates or updates the CNP and remembers the server's answer until the cache
    /// has it, so the reconcile its own watch event triggers sees it and writes nothing.
    private func apply(_ write: PolicyPlan.Write, key: ObjectKey, basedOn live: JSONValue?) async throws {
        let options = WriteOptions(fieldManager: OperatorResources.fieldManager)
        let result: JSONValue
        switch write {
        case .create(let cnp):
            do { result = try await client.create(OperatorResources.cnps, namespace: key.namespace, cnp, options: options) } catch {
                if error.isNotFound || error.isInvalid || error.statusCode == 400 { throw error }
                throw OperatorError.api(action: "create CiliumNetworkPolicy \(key)", error: error)
            }
            logger.info("created CiliumNetworkPolicy", ["key": key])
        case .update(let cnp, let changed):
            do { result = try await client.update(OperatorResources.cnps, namespace: key.namespace, cnp, options: options) } catch {
                if error.isNotFound || error.isInvalid || error.statusCode == 400 { throw error }
                throw OperatorError.api(action: "update CiliumNetworkPolicy \(key)", error: error)
            }
            logger.info("updated CiliumNetworkPolicy", ["key": key, "fields": changed.joined(separator: ",")])
        }
        cnpWrites.record(key, basedOn: live, written: result)
    }

    /// The API server refused the rendered policy (its Cilium schema is stricter or
    /// newer than ours): nothing is deployed, and the status carries its message.
    private func rejected(_ plan: PolicyPlan, policy: JSONValue, error: KubeError) -> PolicyPlan {
        var out = plan
        let message = "the API server rejected the rendered CiliumNetworkPolicy: \(error)"
        out.write = nil
        out.fields["policyHash"] = nil
        out.conditions = plan.conditions.filter { $0.type != PolicyConditions.ready } + [
            Condition(type: PolicyConditions.ready, status: .false, reason: PolicyConditions.Reason.rejected,
                      message: message, observedGeneration: ObjectFacts(policy).generation),
        ]
        out.event = .init(type: .warning, reason: PolicyConditions.Reason.rejected, note: message)
        return out
    }

    /// Patches status when it differs from the cached one; true when it wrote.
    private func writeStatus(_ policy: JSONValue, plan: PolicyPlan, key: ObjectKey) async throws -> Bool {
        let update = StatusUpdate.compute(live: policy["status"], ownedKeys: PolicyConditions.ownedKeys,
                                          fields: plan.fields, conditions: plan.conditions,
                                          now: Timestamp.rfc3339(Date(), fractionDigits: 0))
        guard let patch = update.patch else { return false }
        let result: JSONValue
        do {
            result = try await client.patchStatus(OperatorResources.policies, namespace: key.namespace, name: key.name,
                                                  .merge(patch), options: WriteOptions(fieldManager: OperatorResources.fieldManager))
        } catch {
            if error.isNotFound { return false }  // deleted meanwhile
            throw OperatorError.api(action: "patch status of ContainerNetworkPolicy \(key)", error: error)
        }
        statusWrites.record(key, basedOn: policy, written: result)
        return true
    }
}
