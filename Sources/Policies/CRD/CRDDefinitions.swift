import JSON

/// The CRDs of threatmonitor.dev, generated from their Swift description; the
/// committed files in crds/ are checked against these by a test.
/// (PolicyAlert joins this list in a later issue.)
public enum CRDDefinitions {
    public static var all: [JSONValue] { [ContainerNetworkPolicyCRD.definition, EnvironmentCRD.definition] }

    static let generatedHeader =
        "Generated from Sources/Policies/CRD; do not edit. Regenerate: UPDATE_GOLDEN=1 swift test --filter PoliciesTests.CRDTests"

    /// File names and contents for crds/, e.g. threatmonitor.dev_environments.yaml.
    public static func yamlFiles() -> [(fileName: String, contents: String)] {
        all.map { crd in
            let name = crd[path: ["metadata", "name"]]?.stringValue ?? "unknown"
            // "<plural>.<group>" -> "<group>_<plural>.yaml", controller-gen's naming.
            let plural = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            return ("\(PolicyMetadata.group)_\(plural).yaml", ManifestText.document(crd, header: generatedHeader))
        }
    }

    /// crds/kustomization.yaml, so `resources: [../crds]` in deploy/ picks up every CRD.
    public static func kustomization() -> (fileName: String, contents: String) {
        let doc: JSONValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
            "resources": .array(yamlFiles().map { .string($0.fileName) }),
        ]
        return ("kustomization.yaml", ManifestText.document(doc, header: generatedHeader))
    }
}
