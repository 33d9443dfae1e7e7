import Foundation
import JSON
import Kube
import Synchronization

/// Leader election on a coordination.k8s.io/v1 Lease with client-go's algorithm:
/// acquire when the lease is free or has not changed for a lease duration (measured on
/// our own monotonic clock, never by comparing wall clocks), renew every retry period
/// with resourceVersion-checked updates, give up when renewing fails for the renew
/// deadline, and clear the holder on clean shutdown.
public final class LeaderElector: Sendable {
    /// Why `run` returned.
    public enum Outcome: Sendable, Equatable {
        /// The task was cancelled (shutdown); the lease was released if we held it.
        case cancelled
        /// Renewing failed for the renew deadline: another replica may lead now.
        case lost
    }

    struct Observed: Equatable {
        var holder: String
        var renewTime: String
        var transitions: Int64
    }

    private struct State {
        var leading = false
        var observed: Observed?
        var observedAt: ContinuousClock.Instant?
        var lastRenew: ContinuousClock.Instant?
    }

    public let configuration: LeaderElectionConfiguration
    let client: KubeClient
    let logger: Logger
    let status: Gauge?
    private let state = Mutex(State())
    private let clock = ContinuousClock()

    public init(client: KubeClient, configuration: LeaderElectionConfiguration, logger: Logger = .disabled,
                registry: MetricsRegistry? = nil) throws(MetricsError) {
        self.client = client
        self.configuration = configuration
        self.logger = logger.with(["lease": "\(configuration.leaseNamespace)/\(configuration.leaseName)",
                                   "identity": configuration.identity])
        status = try registry?.gauge("leader_election_master_status",
                                     help: "1 while this process holds the leader lease, else 0.", labels: ["name"])
            .labels(configuration.leaseName)
        status?.set(0)
    }

    /// True while leading. Writers check it: leadership lost means stop writing at once.
    public var isLeader: Bool { state.withLock { $0.leading } }

    /// Acquires the lease, runs `whileLeading` while renewing it, and returns when the task
    /// is cancelled or leadership is lost. `whileLeading` is cancelled (and awaited) first.
    public func run(whileLeading: @escaping @Sendable () async -> Void) async -> Outcome {
        logger.info("waiting to acquire the leader lease")
        var acquired = false
        while !Task.isCancelled {
            if await tryAcquireOrRenew() {
                acquired = true
                break
            }
            try? await Task.sleep(for: jittered(configuration.retryPeriod))
        }
        guard !Task.isCancelled else {
            // Cancelled just as the lease was won: give it back rather than make others wait it out.
            if acquired && configuration.releaseOnCancel { await Task { await self.release() }.value }
            return .cancelled
        }
        setLeading(true)
        logger.info("acquired the leader lease")

        let outcome = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                await whileLeading()
                return nil
            }
            group.addTask { await self.renewLoop() }
            var result = Outcome.cancelled
            while let r = await group.next() {
                guard let r else { continue }
                result = r
                group.cancelAll()
            }
            return result
        }
        setLeading(false)
        if outcome == .cancelled && configuration.releaseOnCancel {
            // Not in this task: it is cancelled, and the release must still reach the server.
            await Task { await self.release() }.value
        }
        logger.info(outcome == .lost ? "lost the leader lease" : "stopped leading")
        return outcome
    }

    /// For /healthz: failing when we believe we lead but have not renewed for well past the deadline.
    public func healthCheck(tolerance: Duration = .seconds(20)) -> CheckResult {
        let (leading, last) = state.withLock { ($0.leading, $0.lastRenew) }
        guard leading, let last else { return .ok }
        let late = clock.now - last
        return late > configuration.renewDeadline + tolerance
            ? .failing("leader lease not renewed for \(late); renew deadline is \(configuration.renewDeadline)") : .ok
    }

    // MARK: - Renewing

    private func renewLoop() async -> Outcome {
        while !Task.isCancelled {
            do { try await Task.sleep(for: configuration.retryPeriod) } catch { return .cancelled }
            let last = state.withLock { $0.lastRenew } ?? clock.now
            let deadline = last.advanced(by: configuration.renewDeadline)
            let renewed = await withDeadline(deadline) { await self.tryAcquireOrRenew() } ?? false
            if Task.isCancelled { return .cancelled }
            if renewed { continue }
            if clock.now >= deadline {
                // Stop writing before anyone else can acquire (renew deadline < lease duration).
                setLeading(false)
                return .lost
            }
        }
        return .cancelled
    }

    /// `body`'s result, or nil when `deadline` passes first (body is then cancelled).
    private func withDeadline<T: Sendable>(_ deadline: ContinuousClock.Instant,
                                           _ body: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask { [clock] in
                try? await clock.sleep(until: deadline, tolerance: nil)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    private func jittered(_ d: Duration) -> Duration { d * Double.random(in: 1.0...1.2) }

    private func setLeading(_ on: Bool) {
        state.withLock { $0.leading = on }
        status?.set(on ? 1 : 0)
    }

    // MARK: - The algorithm

    var leaseGVR: GroupVersionResource { .leases }

    /// The lease duration in whole seconds as the API wants it, at least 1.
    var leaseSeconds: Int64 { max(1, Int64(configuration.leaseDuration.components.seconds)) }

    /// One attempt; true when we hold the lease afterwards.
    func tryAcquireOrRenew() async -> Bool {
        let c = configuration
        let now = Date()
        let existing: JSONValue
        do {
            existing = try await client.get(leaseGVR, namespace: c.leaseNamespace, name: c.leaseName)
        } catch {
            guard error.isNotFound else {
                logger.warning("cannot read the leader lease", ["error": error.description])
                return false
            }
            return await create(now: now)
        }
        let spec = existing["spec"]
        let observed = Observed(holder: spec?["holderIdentity"]?.stringValue ?? "",
                                renewTime: spec?["renewTime"]?.stringValue ?? "",
                                transitions: spec?["leaseTransitions"]?.intValue ?? 0)
        let observedAt: ContinuousClock.Instant = state.withLock { s in
            if s.observed != observed || s.observedAt == nil {
                s.observed = observed
                s.observedAt = clock.now
            }
            return s.observedAt ?? clock.now
        }
        let heldByOther = !observed.holder.isEmpty && observed.holder != c.identity
        if heldByOther && clock.now < observedAt.advanced(by: c.leaseDuration) { return false }

        var lease = existing
        let ours = observed.holder == c.identity
        lease[path: ["spec", "holderIdentity"]] = .string(c.identity)
        lease[path: ["spec", "leaseDurationSeconds"]] = .int(leaseSeconds)
        lease[path: ["spec", "renewTime"]] = .string(Timestamp.micro(now))
        if !ours {
            lease[path: ["spec", "acquireTime"]] = .string(Timestamp.micro(now))
            lease[path: ["spec", "leaseTransitions"]] = .int(observed.transitions + 1)
        }
        do {
            let updated = try await client.update(leaseGVR, namespace: c.leaseNamespace, lease)
            noteRenewed(updated)
            return true
        } catch {
            if !error.isConflict { logger.warning("cannot update the leader lease", ["error": error.description]) }
            return false
        }
    }

    private func create(now: Date) async -> Bool {
        let c = configuration
        let lease: JSONValue = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": .string(c.leaseName), "namespace": .string(c.leaseNamespace)],
            "spec": [
                "holderIdentity": .string(c.identity),
                "leaseDurationSeconds": .int(leaseSeconds),
                "acquireTime": .string(Timestamp.micro(now)), "renewTime": .string(Timestamp.micro(now)),
                "leaseTransitions": 0,
            ],
        ]
        do {
            let created = try await client.create(leaseGVR, namespace: c.leaseNamespace, lease)
            noteRenewed(created)
            return true
        } catch {
            if !error.isAlreadyExists { logger.warning("cannot create the leader lease", ["error": error.description]) }
            return false
        }
    }

    private func noteRenewed(_ lease: JSONValue) {
        let spec = lease["spec"]
        state.withLock { s in
            s.observed = Observed(holder: spec?["holderIdentity"]?.stringValue ?? "",
                                  renewTime: spec?["renewTime"]?.stringValue ?? "",
                                  transitions: spec?["leaseTransitions"]?.intValue ?? 0)
            s.observedAt = clock.now
            s.lastRenew = clock.now
        }
    }

    /// Clears holderIdentity (client-go's ReleaseOnCancel) if we still hold the lease.
    func release() async {
        let c = configuration
        guard var lease = try? await client.get(leaseGVR, namespace: c.leaseNamespace, name: c.leaseName),
              lease[path: ["spec", "holderIdentity"]]?.stringValue == c.identity else { return }
        let now = Timestamp.micro(Date())
        lease[path: ["spec", "holderIdentity"]] = .string("")
        lease[path: ["spec", "leaseDurationSeconds"]] = .int(1)
        lease[path: ["spec", "renewTime"]] = .string(now)
        lease[path: ["spec", "acquireTime"]] = .string(now)
        do {
            _ = try await client.update(leaseGVR, namespace: c.leaseNamespace, lease)
            logger.info("released the leader lease")
        } catch {
            logger.warning("cannot release the leader lease; a standby takes over once it expires",
                           ["error": error.description])
        }
    }
}
