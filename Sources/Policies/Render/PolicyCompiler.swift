import JSON

/// Turns a ContainerNetworkPolicy into the CiliumNetworkPolicy to deploy.
/// Pure: no I/O, deterministic, and nothing is produced for invalid input.
public enum PolicyCompiler {
    /// Renders a whole ContainerNetworkPolicy object as read from the API
    /// server (metadata.name, metadata.namespace, metadata.uid and spec).
    public static func render(policy: JSONValue, options: RenderOptions = RenderOptions()) -> Result<RenderedPolicy, ValidationErrors> {
        let meta = policy["metadata"]
        return render(name: meta?["name"]?.stringValue ?? "", namespace: meta?["namespace"]?.stringValue ?? "",
                      uid: meta?["uid"]?.stringValue ?? "", spec: policy["spec"] ?? .null, options: options)
    }

    /// Parses `spec` (the CR's spec as JSON) and renders it.
    public static func render(name: String, namespace: String, uid: String, spec: JSONValue,
                              options: RenderOptions = RenderOptions()) -> Result<RenderedPolicy, ValidationErrors> {
        PolicySpecParser.parse(spec).flatMap {
            render(name: name, namespace: namespace, uid: uid, spec: $0, options: options)
        }
    }

    public static func render(name: String, namespace: String, uid: String, spec: ContainerNetworkPolicySpec,
                              options: RenderOptions = RenderOptions()) -> Result<RenderedPolicy, ValidationErrors> {
        var issues = IssueCollector()
        if name.isEmpty { issues.add("metadata.name", "missing; the policy needs a name") }
        if namespace.isEmpty { issues.add("metadata.namespace", "missing; ContainerNetworkPolicy is namespaced") }
        if uid.isEmpty { issues.add("metadata.uid", "missing; render the object as read from the API server, which sets the uid the ownerReference needs") }

        var cnp: JSONValue = ["apiVersion": .string(PolicyMetadata.ciliumAPIVersion), "kind": .string(PolicyMetadata.ciliumKind)]
        cnp["metadata"] = metadata(name: name, namespace: namespace, uid: uid, alert: spec.alert)
        switch spec.source {
        case .predefined(let n):
            guard let p = PredefinedCatalog.policy(named: n) else {
                issues.add("spec.predefined", "unknown predefined policy \"\(n)\"; use one of \(PredefinedCatalog.names.joined(separator: ", "))")
                return .failure(ValidationErrors(issues.issues))
            }
            // The catalog spec exactly as defined (GitLab's two included); a
            // user's description is the only addition.
            var s = p.spec
            if let d = spec.description, !d.isEmpty { s["description"] = .string(d) }
            cnp["spec"] = s
        case .rules(let rules):
            // Enforcement owns this key; a selector on it would be removed on enable.
            if rules.podSelector.contains(where: { $0.key == options.enforcementLabel.key }) {
                issues.add(FieldPath.mapKey("spec.podSelector", options.enforcementLabel.key),
                           "this label is reserved for enforcement; remove it and use spec.enabled: false to disable the policy")
            }
            cnp["spec"] = RuleCompiler.compile(rules, description: spec.description)
        case .cilium(let s, let specs):
            // YAML mode is preserved as given; only enforcement touches selectors.
            if let s { cnp["spec"] = s }
            if let specs { cnp["specs"] = .array(specs) }
        }
        cnp = Enforcement.setEnabled(spec.enabled, on: cnp, label: options.enforcementLabel)

        // The same checks YAML mode gets, on what we generated: a bug in the
        // compiler must not reach the cluster either.
        if let s = cnp["spec"] { CiliumRuleValidator.validate(s, at: "spec", issues: &issues) }
        for (i, s) in (cnp["specs"]?.arrayValue ?? []).enumerated() {
            CiliumRuleValidator.validate(s, at: FieldPath.index("specs", i), issues: &issues)
        }
        guard issues.isEmpty else { return .failure(ValidationErrors(issues.issues)) }
        return .success(RenderedPolicy(
            cnp: cnp, hash: ContentHash.of(cnp),
            summary: PolicySummary.describe(cnp: cnp, label: options.enforcementLabel),
            warnings: PolicyWarnings.check(spec: spec, cnp: cnp),
            mode: spec.mode, enabled: spec.enabled))
    }

    static func metadata(name: String, namespace: String, uid: String, alert: Bool) -> JSONValue {
        var m: JSONValue = ["name": .string(name), "namespace": .string(namespace)]
        m["labels"] = [PolicyMetadata.managedByKey: .string(PolicyMetadata.managedByValue)]
        if alert { m["annotations"] = [PolicyMetadata.alertAnnotation: "true"] }
        m["ownerReferences"] = [ownerReference(name: name, uid: uid)]
        return m
    }

    /// The controller reference from a CNP to its ContainerNetworkPolicy.
    public static func ownerReference(name: String, uid: String) -> JSONValue {
        [
            "apiVersion": .string(PolicyMetadata.apiVersion), "kind": .string(PolicyMetadata.policyKind),
            "name": .string(name), "uid": .string(uid), "controller": true, "blockOwnerDeletion": true,
        ]
    }
}
