import Controller
import Foundation
import JSON
import Kube
import Policies
import Synchronization

/// The ContainerNetworkPolicy and Environment controllers in one process, on
/// Controller's Manager (informers, leader election, events, metrics, probes).
/// Used by `threat-monitor run`, the demo and the tests.
public final class PolicyOperator: Sendable {
    public let options: OperatorOptions
    let client: KubeClient
    let logger: Logger

    private struct Running {
        var manager: Manager
        var cnpFactory: SharedInformerFactory
        var informers: [Informer]
        var cnps: Informer
        var probe: CiliumProbe
        var task: Task<ManagerError?, Never>
    }
    private let running = Mutex<Running?>(nil)

    /// - Parameters:
    ///   - client: its configuration (server, credentials, request recorder) is the one the operator uses.
    public init(client: KubeClient, options: OperatorOptions, logger: Logger) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    /// Builds the controllers and starts them in the background; returns once started.
    public func start() async throws {
        guard running.withLock({ $0 == nil }) else { return }
        let manager = try Manager(options: options.manager, clientConfiguration: client.configuration, logger: logger,
                                  leaderElection: options.leaderElection)
        let running = try await wire(manager)
        self.running.withLock { $0 = running }
    }

    /// Starts, then runs until `stop()` or SIGTERM/SIGINT; throws when the process should exit non-zero.
    func run(handleSignals: Bool) async throws {
        try await start()
        guard let r = running.withLock({ $0 }) else { return }
        let signals = handleSignals ? r.manager.installSignalHandlers() : nil
        let failure = await r.task.value
        withExtendedLifetime(signals) {}
        await shutdownCNPInformer(r)
        if let failure { throw failure }
    }

    /// True once the caches have listed (the CiliumNetworkPolicy one, or discovery
    /// says Cilium is missing), i.e. the controllers are working.
    public func waitUntilReady(timeout: Duration) async -> Bool {
        guard let r = running.withLock({ $0 }) else { return false }
        let deadline = ContinuousClock.now + timeout
        for informer in r.informers {
            guard await informer.waitForSync(timeout: max(deadline - ContinuousClock.now, .zero)) else { return false }
        }
        while ContinuousClock.now < deadline {
            if r.cnps.hasSynced { return true }
            if (try? await r.probe.check()) == .missing { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return r.cnps.hasSynced
    }

    /// Stops gracefully: no new work, in-flight reconciles finish, watches end.
    public func stop() async {
        guard let r = running.withLock({ s -> Running? in defer { s = nil }; return s }) else { return }
        r.manager.stop()
        _ = await r.task.value
        await shutdownCNPInformer(r)
    }

    private func shutdownCNPInformer(_ r: Running) async {
        await r.cnpFactory.shutdown()
    }

    /// Informers, controllers and their watches.
    private func wire(_ manager: Manager) async throws -> Running {
        let log = logger
        let factory = manager.informers
        let policies = try factory.informer(for: OperatorResources.policies)
        let environments = try factory.informer(for: OperatorResources.environments)
        // CNPs have their own factory: the manager waits for its caches before running
        // controllers, and this one never syncs while Cilium's CRD is missing, which
        // the policy controller must report rather than wait for.
        let cnpFactory = SharedInformerFactory(client: manager.client, namespace: options.namespace, logger: log,
                                               registry: manager.metrics)
        let cnps = try cnpFactory.informer(for: OperatorResources.cnps)
        let probe = CiliumProbe(client: manager.client, informer: cnps)
        let recorder = try manager.eventRecorder(name: OperatorResources.fieldManager)

        let policyReconciler = PolicyReconciler(client: manager.client, policies: policies, cnps: cnps, cilium: probe,
                                                options: options, events: recorder,
                                                logger: log.with(["controller": "containernetworkpolicy"]))
        let policyController = try manager.controller(name: "containernetworkpolicy", reconciler: policyReconciler,
                                                      workers: options.policyWorkers)
        let environmentReconciler = EnvironmentReconciler(client: manager.client, environments: environments,
                                                          policies: policies, cnps: cnps, options: options,
                                                          logger: log.with(["controller": "environment"]),
                                                          policyWrites: (policyReconciler.statusWrites, policyReconciler.cnpWrites),
                                                          policyBacklog: { await policyController.queue.backlog })
        let environmentController = try manager.controller(name: "environment", reconciler: environmentReconciler,
                                                           workers: options.environmentWorkers)

        await cnps.addHandler(.any { policyReconciler.cnpWrites.observed($0) })
        await policies.addHandler(.any { policyReconciler.statusWrites.observed($0) })
        await environments.addHandler(.any { environmentReconciler.statusWrites.observed($0) })
        await policyController.watch(policies)
        // A CNP maps to its controlling owner and to the policy of the same name
        // (the same one when managed; a Conflict waiting for it to go, otherwise).
        await policyController.watch(cnps) { cnp in
            var keys = Controller.ownKey(cnp)
            if let owner = Controller.controllerOwner(of: cnp, kind: PolicyMetadata.policyKind), !keys.contains(owner) {
                keys.append(owner)
            }
            return keys
        }
        let byNamespace: @Sendable (JSONValue) -> [ObjectKey] = { environmentReconciler.keys(inNamespaceOf: $0) }
        await environmentController.watch(environments, map: byNamespace)
        await environmentController.watch(policies, map: byNamespace)
        await environmentController.watch(cnps, map: byNamespace)
        // Once Cilium's CRD shows up, retry every policy now rather than at its backoff.
        let resync = Task {
            while !Task.isCancelled {
                if await cnps.waitForSync(timeout: .seconds(3600)) { break }
            }
            guard !Task.isCancelled else { return }
            for key in policies.cache.keys() { await policyController.enqueue(key) }
        }

        cnpFactory.start()
        let task = Task { () -> ManagerError? in
            defer { resync.cancel() }
            do throws(ManagerError) { try await manager.run() } catch { return error }
            return nil
        }
        return Running(manager: manager, cnpFactory: cnpFactory, informers: [policies, environments], cnps: cnps,
                       probe: probe, task: task)
    }
}
