import JSON

/// The Environment CRD: one monitored namespace, its settings, and its status
/// page (policy inventory; traffic and alert figures come in later issues).
enum EnvironmentCRD {
    static let plural = "environments"
    static let windows = ["30m", "3h", "8h", "1d", "3d", "1w", "30d"]

    static var definition: JSONValue {
        Schema.crd(kind: PolicyMetadata.environmentKind, plural: plural, shortNames: ["tmenv"],
                   columns: [
                       Schema.column("Display Name", "string", ".spec.displayName", "Name shown for this environment."),
                       Schema.column("Policies", "integer", ".status.policyInventory.deployed", "CiliumNetworkPolicies in the namespace."),
                       Schema.column("Enabled", "integer", ".status.policyInventory.enabled", "Of those, how many are enforced."),
                       Schema.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the environment is monitored."),
                       Schema.column("Age", "date", ".metadata.creationTimestamp", "Time since creation."),
                   ],
                   schema: Schema.object(
                       "Environment opts its namespace into threat monitoring (at most one per namespace) and holds the settings. Its status is the namespace's Threat Monitoring page.",
                       Schema.typeMeta + [("spec", spec), ("status", status)]))
    }

    static var spec: JSONValue {
        Schema.object("Settings for the namespace.", [
            ("displayName", Schema.string("Name shown in the dashboard and the kubectl plugin; defaults to the namespace.", maxLength: 253)),
            ("traffic", Schema.object("Packet-flow statistics settings.", [
                ("source", Schema.string("Where statistics come from: Hubble (scrape the cilium agents, the default) or Prometheus.", enum: ["Hubble", "Prometheus"], maxLength: 10)),
                ("prometheusURL", Schema.string("Base URL of the Prometheus-compatible API, when source is Prometheus.", maxLength: 2048)),
                ("window", Schema.string("Statistics window shown in status (default 8h).", enum: windows)),
                ("dropRateWarningPercent", Schema.integer("Set HighDropRate when more than this percentage of flows is dropped.", minimum: 0, maximum: 100, format: "int32")),
            ], rules: [Schema.rule("!has(self.source) || self.source != 'Prometheus' || has(self.prometheusURL)",
                                   "prometheusURL is required when source is Prometheus")])),
            ("alerts", Schema.object("Policy alert settings.", [
                ("enabled", Schema.boolean("Create PolicyAlerts for policies with alert: true in this namespace.", default: true)),
            ])),
        ])
    }

    static var status: JSONValue {
        Schema.object("The namespace's Threat Monitoring page, written by the operator.", [
            ("observedGeneration", Schema.integer("The .metadata.generation this status describes.", minimum: 0)),
            ("conditions", Schema.conditions),
            ("policyInventory", inventory),
            ("traffic", Schema.preserved("Packet-flow statistics for the configured window.")),
            ("alerts", Schema.preserved("Open alert counts.")),
        ])
    }

    static var inventory: JSONValue {
        Schema.object("Every CiliumNetworkPolicy of the namespace, managed or not, plus the catalog policies not deployed.", [
            ("deployed", Schema.integer("CiliumNetworkPolicies in the namespace.", minimum: 0)),
            ("enabled", Schema.integer("Of those, how many are enforced.", minimum: 0)),
            ("alerting", Schema.integer("Of those, how many raise alerts.", minimum: 0)),
            ("available", Schema.integer("Catalog policies not deployed.", minimum: 0)),
            ("policies", Schema.array("One entry per policy, sorted by name.", items: Schema.object("A policy.", [
                ("name", Schema.string("Policy name.")),
                ("state", Schema.string("Deployed, Pending (ContainerNetworkPolicy without its CiliumNetworkPolicy yet) or Available (catalog).", enum: PolicyInventory.State.allCases.map(\.rawValue))),
                ("enabled", Schema.boolean("Enforced: no selector carries the disabled_by label.")),
                ("alert", Schema.boolean("Carries app.gitlab.com/alert: \"true\".")),
                ("managed", Schema.boolean("Controlled by a ContainerNetworkPolicy.")),
                ("managedBy", Schema.string("The controlling ContainerNetworkPolicy.")),
                ("predefined", Schema.string("The catalog entry it comes from.")),
                ("description", Schema.string("What a catalog policy does.")),
                ("summary", Schema.string("What the policy does, in one line.")),
            ], required: ["name", "state"]))),
        ])
    }
}
