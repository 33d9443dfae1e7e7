import JSON

/// The ContainerNetworkPolicy CRD: its schema mirrors what `PolicySpecParser`
/// accepts, so the API server rejects most bad input before the operator sees it.
enum ContainerNetworkPolicyCRD {
    static let plural = "containernetworkpolicies"

    static var definition: JSONValue {
        Schema.crd(kind: PolicyMetadata.policyKind, plural: plural, shortNames: ["ctnp", "tmpol"],
                   columns: [
                       Schema.column("Enabled", "boolean", ".spec.enabled", "Whether the policy is enforced."),
                       Schema.column("Alert", "boolean", ".spec.alert", "Whether dropped flows raise PolicyAlerts."),
                       Schema.column("Mode", "string", ".status.mode", "Predefined, Rules or Cilium."),
                       Schema.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status",
                                     "Whether the CiliumNetworkPolicy is deployed as specified."),
                       Schema.column("Age", "date", ".metadata.creationTimestamp", "Time since creation."),
                       Schema.column("Summary", "string", ".status.summary", "What the policy does, in one line."),
                   ],
                   schema: Schema.object(
                       "ContainerNetworkPolicy manages one CiliumNetworkPolicy of the same name in the same namespace: from the predefined catalog, from simple rules (Rule mode) or from a full Cilium spec (YAML mode).",
                       Schema.typeMeta + [("spec", spec), ("status", status)], required: ["spec"]))
    }

    static var spec: JSONValue {
        Schema.object(
            "The desired policy. Set exactly one source: predefined, rules or cilium.",
            [
                ("enabled", Schema.boolean("Enforce the policy. A disabled policy stays deployed but its selectors carry network-policy.gitlab.com/disabled_by: gitlab, so it selects no pod.", default: true)),
                ("alert", Schema.boolean("Raise PolicyAlerts for flows this policy drops (sets the annotation app.gitlab.com/alert: \"true\" on the CiliumNetworkPolicy).", default: false)),
                ("description", Schema.string("What the policy is for; copied to the CiliumNetworkPolicy's spec.description in predefined and Rule mode.", maxLength: PolicySpecParser.maxDescriptionLength)),
                ("adopt", Schema.boolean("Take over an existing CiliumNetworkPolicy of the same name that the operator does not own yet. Without it such a policy is never overwritten and the status says Conflict.", default: false)),
                ("predefined", Schema.string("Source: a policy from the built-in catalog, by name.", enum: PredefinedCatalog.names)),
                ("podSelector", Schema.labelMap("Rule mode: labels of the pods the policy applies to. Empty or absent selects every pod of the namespace.")),
                ("addDNSRule", Schema.boolean("Rule mode: when a rule allows outbound traffic to domain names (fqdns), also allow DNS to kube-dns on port 53 through Cilium's DNS proxy, without which domain rules never match. Default true.")),
                ("rules", Schema.array("Source (Rule mode): the traffic to allow. Each rule has a direction, exactly one peer kind and optional ports.",
                                       items: rule, minItems: 1, maxItems: PolicySpecParser.maxRules)),
                ("cilium", Schema.object(
                    "Source (YAML mode): a CiliumNetworkPolicy spec and/or specs, deployed as given (only the enforcement label is added or removed).",
                    [
                        ("spec", Schema.preserved("One Cilium rule: endpointSelector, ingress, egress, ingressDeny, egressDeny, ...")),
                        ("specs", Schema.array("A list of Cilium rules.", items: Schema.preserved("One Cilium rule."), minItems: 1)),
                    ],
                    rules: [Schema.rule("has(self.spec) || has(self.specs)", "set spec or specs, as in a CiliumNetworkPolicy")])),
            ],
            rules: [
                Schema.rule("(has(self.predefined) ? 1 : 0) + (has(self.rules) ? 1 : 0) + (has(self.cilium) ? 1 : 0) == 1",
                            "set exactly one of predefined, rules or cilium"),
                Schema.rule("has(self.rules) || (!has(self.podSelector) && !has(self.addDNSRule))",
                            "podSelector and addDNSRule only apply to Rule mode (rules)"),
            ])
    }

    static var rule: JSONValue {
        Schema.object(
            "One rule: traffic in one direction between the selected pods and one kind of peer.",
            [
                // maxLength bounds the CEL cost estimate of the rule comparing it.
                ("direction", Schema.string("inbound: traffic to the selected pods; outbound: traffic from them.", enum: RuleDirection.allCases.map(\.rawValue), maxLength: 8)),
                ("pods", Schema.labelMap("Peer: pods of this namespace with these labels ({} for all). Select k8s:io.kubernetes.pod.namespace to reach another namespace.")),
                ("entities", Schema.array("Peer: Cilium entities.", items: Schema.string("A Cilium entity.", enum: CiliumEntity.all), minItems: 1, maxItems: PolicySpecParser.maxPeers)),
                ("cidrs", Schema.array("Peer: IPv4 or IPv6 prefixes such as 10.0.0.0/8 (no except; use YAML mode for that).", items: Schema.string("A CIDR.", maxLength: 64), minItems: 1, maxItems: PolicySpecParser.maxPeers)),
                ("fqdns", Schema.array("Peer (outbound only): domain names.", items: fqdn, minItems: 1, maxItems: PolicySpecParser.maxPeers)),
                ("ports", Schema.array("Ports the rule allows; absent means every port.", items: port, minItems: 1, maxItems: PortSyntax.maxPortsPerRule)),
            ],
            required: ["direction"],
            rules: [
                Schema.rule("(has(self.pods) ? 1 : 0) + (has(self.entities) ? 1 : 0) + (has(self.cidrs) ? 1 : 0) + (has(self.fqdns) ? 1 : 0) == 1",
                            "set exactly one peer kind: pods, entities, cidrs or fqdns; put each kind in its own rule"),
                Schema.rule("!has(self.fqdns) || self.direction == 'outbound'", "fqdns only work for outbound rules"),
            ])
    }

    static var fqdn: JSONValue {
        Schema.object("A domain name, exact or with * wildcards.", [
            ("matchName", Schema.string("An exact name such as api.example.com.", pattern: "^([-a-zA-Z0-9_]+[.]?)+$", maxLength: FQDNSyntax.maxLength)),
            ("matchPattern", Schema.string("A pattern such as *.example.com.", pattern: "^([-a-zA-Z0-9_*]+[.]?)+$", maxLength: FQDNSyntax.maxLength)),
        ], rules: [Schema.rule("has(self.matchName) != has(self.matchPattern)", "set either matchName or matchPattern")])
    }

    static var port: JSONValue {
        Schema.object("A port or port range.", [
            ("port", Schema.integer("Port number; 0 means every port.", minimum: 0, maximum: 65535, format: "int32")),
            ("endPort", Schema.integer("Last port of a range starting at port.", minimum: 1, maximum: 65535, format: "int32")),
            ("protocol", Schema.string("TCP (default), UDP, SCTP or ANY.", enum: PortProtocol.allCases.map(\.rawValue))),
        ], required: ["port"], rules: [Schema.rule("!has(self.endPort) || self.endPort >= self.port", "endPort must be at least port")])
    }

    static var status: JSONValue {
        Schema.object("Observed state, written by the operator.", [
            ("observedGeneration", Schema.integer("The .metadata.generation this status describes.", minimum: 0)),
            ("conditions", Schema.conditions),
            ("mode", Schema.string("Predefined, Rules or Cilium.", enum: PolicyMode.allCases.map(\.rawValue))),
            ("enabled", Schema.boolean("Whether the deployed policy is enforced.")),
            ("alert", Schema.boolean("Whether the deployed policy carries app.gitlab.com/alert: \"true\".")),
            ("summary", Schema.string("What the policy does, in one line.")),
            ("warnings", Schema.array("Valid settings that probably do not do what you want.", items: Schema.string("A warning with its field path."), maxItems: 32)),
            ("policyName", Schema.string("Name of the rendered CiliumNetworkPolicy.")),
            ("policyHash", Schema.string("SHA-256 of the rendered CiliumNetworkPolicy (canonical JSON).")),
        ])
    }
}
