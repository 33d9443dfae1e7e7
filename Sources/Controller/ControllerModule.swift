// The Controller module: what controller-runtime gives Go operators, on our Kube client.
//
// Where things live:
// - Queue/       WorkQueue (dedup, in-flight exclusion, per-key backoff under a token bucket,
//                delayed adds, drain), ExponentialBackoff, ReflectorBackoff, TokenBucket.
// - Runtime/     Reconciler + ReconcileResult, Controller (the worker loop), ObjectKey,
//                controller metrics, Controller.watch(informer).
// - Cache/       Indexer: objects by namespace/name with namespace, label, owner and custom indexes.
// - Informers/   Informer (list, watch, bookmarks, relist on 410, backoff) and SharedInformerFactory.
// - LeaderElection/  LeaderElector on a coordination.k8s.io/v1 Lease.
// - Events/      EventCorrelator (client-go's dedup, series and spam filter) and EventRecorder.
// - Metrics/     MetricsRegistry with counters, gauges, histograms; Prometheus text format.
// - Health/      HealthChecks and the /healthz, /readyz, /metrics server.
// - Logging/     Logger (logfmt or JSON, levels, fields) and sinks.
// - Manager/     Manager (wiring, graceful shutdown), ManagerOptions (kubebuilder flags), signals.
//
// Typical use (see ManagerIntegrationTests for running examples):
//
//     let manager = try Manager.fromCommandLine(Array(CommandLine.arguments.dropFirst()))
//     let policies = try manager.informers.informer(for: policyGVR)
//     let cnps = try manager.informers.informer(for: .ciliumNetworkPolicies)
//     let events = try manager.eventRecorder(name: "threatmonitor.dev/policy")
//     let controller = try manager.controller(name: "policy", reconciler: PolicyReconciler(cache: policies.cache, events: events))
//     await controller.watch(policies)                                   // own changes
//     await controller.watchOwned(cnps, ownerKind: "ContainerNetworkPolicy") // drift of what it renders
//     let signals = manager.installSignalHandlers()
//     try await manager.run()                                            // until SIGTERM; throws on lost lease
//     signals.cancel()
