import Foundation
import JSON
import Kube
import Synchronization

/// Wires informers, controllers, leader election, events, metrics and health probes
/// into one process, and shuts them down in order: stop intake, drain in-flight work
/// (bounded by the graceful shutdown timeout), release the lease, stop watching.
public final class Manager: Sendable {
    public let options: ManagerOptions
    public let client: KubeClient
    public let logger: Logger
    public let metrics: MetricsRegistry
    public let checks: HealthChecks
    public let informers: SharedInformerFactory
    /// nil without --leader-elect.
    public let elector: LeaderElector?
    /// How long `run` waits for the first lists before failing.
    public let cacheSyncTimeout: Duration
    let health: HealthServer

    private struct State {
        var controllers: [Controller] = []
        var recorders: [EventRecorder] = []
        var stopRequested = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var controllersRunning = false
        var boundPorts: [String: Int] = [:]
    }
    private let state = Mutex(State())

    /// - Parameters:
    ///   - leaderElection: overrides the Lease settings derived from `options` (tests use short timings).
    public init(options: ManagerOptions, clientConfiguration: ClientConfiguration, logger: Logger? = nil,
                leaderElection: LeaderElectionConfiguration? = nil,
                informerConfiguration: InformerConfiguration = InformerConfiguration(),
                cacheSyncTimeout: Duration = .seconds(120)) throws(ManagerError) {
        self.options = options
        let log = logger ?? Logger(level: options.logLevel, format: options.logFormat)
        self.logger = log
        let registry = MetricsRegistry()
        metrics = registry
        var config = clientConfiguration
        do {
            let observe = try KubeClientMetrics.observer(registry: registry)
            let previous = config.observer
            config.observer = { m in
                observe(m)
                previous?(m)
            }
            client = try KubeClient(config)
        } catch let e as MetricsError {
            throw .metrics(e)
        } catch let e as KubeError {
            throw .client(e)
        } catch {
            throw .kubeconfig(String(describing: error))
        }
        checks = HealthChecks()
        informers = SharedInformerFactory(client: client, namespace: options.namespace, configuration: informerConfiguration,
                                          logger: log, registry: registry)
        self.cacheSyncTimeout = cacheSyncTimeout
        if options.leaderElect {
            let lec = leaderElection ?? LeaderElectionConfiguration(
                leaseName: options.leaderElectionID,
                leaseNamespace: options.leaderElectionNamespace ?? options.namespace ?? clientConfiguration.namespace)
            do { elector = try LeaderElector(client: client, configuration: lec, logger: log, registry: registry) } catch {
                throw .metrics(error)
            }
        } else {
            elector = nil
        }
        health = HealthServer(metricsAddress: options.metricsBindAddress, probeAddress: options.healthProbeBindAddress,
                              checks: checks, metrics: registry)
        checks.addHealthCheck("ping") { .ok }
        if let elector { checks.addHealthCheck("leaderElection") { elector.healthCheck() } }
        checks.addReadyCheck("informers") { [informers] in
            let pending = informers.unsynced
            return pending.isEmpty ? .ok : .failing("caches not synced: \(pending.joined(separator: ", "))")
        }
    }

    /// Parses kubebuilder-style flags and loads the kubeconfig they name.
    public static func fromCommandLine(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ManagerError) -> Manager {
        let options: ManagerOptions
        do { options = try ManagerOptions.parse(arguments: arguments) } catch { throw .options(error) }
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.load(kubeconfigPath: options.kubeconfig, context: options.context,
                                                  namespace: options.namespace, environment: environment)
        } catch {
            throw .kubeconfig(String(describing: error))
        }
        return try Manager(options: options, clientConfiguration: config)
    }

    // MARK: - Building

    /// A controller run by this manager (only while leading, with leader election).
    public func add(_ controller: Controller) { state.withLock { $0.controllers.append(controller) } }

    /// Creates and adds a controller.
    public func controller(name: String, reconciler: any Reconciler, workers: Int = 1,
                           rateLimiter: RateLimiterConfiguration = .default) throws(MetricsError) -> Controller {
        let c = try Controller(name: name, reconciler: reconciler, workers: workers, rateLimiter: rateLimiter,
                               logger: logger, registry: metrics)
        add(c)
        return c
    }

    /// An event recorder flushed by this manager. Create recorders before `run()`.
    public func eventRecorder(name: String, flushInterval: Duration = .seconds(30)) throws(MetricsError) -> EventRecorder {
        let instance = elector?.configuration.identity ?? ProcessInfo.processInfo.hostName
        let r = try EventRecorder(client: client, reportingController: name, reportingInstance: instance,
                                  flushInterval: flushInterval, logger: logger, registry: metrics)
        state.withLock { $0.recorders.append(r) }
        return r
    }

    /// True while this process may write: always without leader election, else while leading.
    public var isLeader: Bool { elector?.isLeader ?? true }

    /// Ports bound by the health/metrics servers ("metrics", "probes"), once running.
    public var boundPorts: [String: Int] { state.withLock { $0.boundPorts } }

    // MARK: - Running

    /// Runs until `stop()` (or a signal after `installSignalHandlers()`); throws when the
    /// process should exit non-zero (lost leadership, caches never synced, probes not served).
    public func run() async throws(ManagerError) {
        do {
            let ports = try health.start()
            state.withLock { $0.boundPorts = ports }
        } catch { throw .healthServer(error) }
        logger.info("starting manager", ["namespace": options.namespace ?? "<all>", "leader_elect": options.leaderElect])
        informers.start()
        let recorderTasks = state.withLock { $0.recorders }.map { r in Task { await r.run() } }

        let main = Task { () -> ManagerError? in
            if let elector {
                // A failure while leading (caches never synced) must end the process, not
                // leave it holding the Lease with no controllers running.
                let failed = FailureBox()
                let outcome = await elector.run {
                    if let failure = await self.runControllers() {
                        failed.set(failure)
                        self.requestStop()
                    }
                }
                if let failure = failed.value { return failure }
                return outcome == .lost ? .leadershipLost : nil
            }
            return await self.runControllers()
        }
        // Whichever comes first: a stop request, or the main task failing. (It also ends
        // normally when there are no controllers; the process keeps serving caches then.)
        let watcher = Task {
            let failure = await main.value
            if failure != nil { self.requestStop() }
            return failure
        }
        await waitForStopRequest()

        await drainControllers()
        main.cancel()
        let failure = await watcher.value
        await informers.shutdown()
        for t in recorderTasks { t.cancel() }
        for t in recorderTasks { await t.value }
        await health.shutdown()
        logger.info("manager stopped")
        if let failure { throw failure }
    }

    /// Asks `run` to shut down gracefully. Safe to call from anywhere, more than once.
    public func stop() { requestStop() }

    /// SIGTERM/SIGINT start a graceful stop; a second one exits at once.
    public func installSignalHandlers(_ signals: [Int32] = [SIGTERM, SIGINT]) -> SignalHandler {
        SignalHandler(signals: signals) { [logger] sig in
            logger.info("signal received; shutting down", ["signal": sig])
            self.stop()
        }
    }

    private func runControllers() async -> ManagerError? {
        guard await informers.waitForCacheSync(timeout: cacheSyncTimeout) else {
            if Task.isCancelled { return nil }
            let pending = informers.unsynced
            logger.error("caches did not sync", ["resources": pending.joined(separator: ",")])
            return .cacheSyncTimeout(pending)
        }
        let controllers = state.withLock { s in
            s.controllersRunning = !s.stopRequested
            return s.stopRequested ? [] : s.controllers
        }
        await withDiscardingTaskGroup { group in
            for c in controllers { group.addTask { await c.run() } }
        }
        state.withLock { $0.controllersRunning = false }
        return nil
    }

    /// Stops intake everywhere and waits for in-flight work, bounded by the graceful timeout.
    private func drainControllers() async {
        let (controllers, running) = state.withLock { ($0.controllers, $0.controllersRunning) }
        let deadline = ContinuousClock.now.advanced(by: options.gracefulShutdownTimeout)
        // Without running workers (a follower) nothing would ever take the queued keys.
        for c in controllers { await c.queue.shutDown(discardQueued: !running) }
        for c in controllers {
            let left = deadline - ContinuousClock.now
            if await !c.queue.awaitDrained(timeout: max(left, .zero)) {
                logger.warning("graceful shutdown timed out; abandoning in-flight work", ["controller": c.name])
            }
        }
    }

    private func requestStop() {
        let waiters = state.withLock { s in
            s.stopRequested = true
            defer { s.stopWaiters.removeAll() }
            return s.stopWaiters
        }
        for w in waiters { w.resume() }
    }

    private func waitForStopRequest() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s in
                if s.stopRequested { return true }
                s.stopWaiters.append(c)
                return false
            }
            if now { c.resume() }
        }
    }
}

/// Carries a failure out of the leader-election callback.
private final class FailureBox: Sendable {
    private let stored = Mutex<ManagerError?>(nil)
    func set(_ e: ManagerError) { stored.withLock { $0 = e } }
    var value: ManagerError? { stored.withLock { $0 } }
}
