import JSON

/// The built-in resources DevCluster serves, at their preferred versions.
enum BuiltinTypes {
    static let age = PrinterColumn(name: "Age", type: "date",
        description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
        jsonPath: ".metadata.creationTimestamp")

    static let podKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "ports": "containerPort",
        "env": "name", "volumes": "name", "volumeMounts": "mountPath", "imagePullSecrets": "name",
        "volumeDevices": "devicePath", "hostAliases": "ip", "ownerReferences": "uid",
    ]

    static let all: [ResourceType] = [
        ResourceType(group: "", version: "v1", kind: "Namespace", plural: "namespaces", singular: "namespace",
                     namespaced: false, shortNames: ["ns"],
                     verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], hasStatus: true,
                     deleteReturnsObject: true,
                     printerColumns: [PrinterColumn(name: "Status", type: "string", jsonPath: ".status.phase"), age],
                     selectableFields: ["status.phase"], strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", singular: "configmap",
                     namespaced: true, shortNames: ["cm"], printerColumns: [
                        PrinterColumn(name: "Data", type: "integer", jsonPath: "#count:.data,.binaryData"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets", singular: "secret",
                     namespaced: true, printerColumns: [
                        PrinterColumn(name: "Type", type: "string", jsonPath: ".type"),
                        PrinterColumn(name: "Data", type: "integer", jsonPath: "#count:.data"), age],
                     selectableFields: ["type"], strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "", version: "v1", kind: "Service", plural: "services", singular: "service",
                     namespaced: true, shortNames: ["svc"], categories: ["all"],
                     verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
                     hasStatus: true, deleteReturnsObject: true, printerColumns: [
                        PrinterColumn(name: "Type", type: "string", jsonPath: ".spec.type"),
                        PrinterColumn(name: "Cluster-IP", type: "string", jsonPath: ".spec.clusterIP"),
                        PrinterColumn(name: "Ports", type: "string", jsonPath: "#ports"), age],
                     strategicMergeKeys: ["ports": "port", "ownerReferences": "uid"]),
        ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", singular: "pod",
                     namespaced: true, shortNames: ["po"], categories: ["all"], hasStatus: true,
                     deleteReturnsObject: true, printerColumns: [
                        PrinterColumn(name: "Status", type: "string", jsonPath: ".status.phase"), age],
                     selectableFields: ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                        "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
                     strategicMergeKeys: podKeys),
        ResourceType(group: "", version: "v1", kind: "Event", plural: "events", singular: "event",
                     namespaced: true, shortNames: ["ev"], printerColumns: [
                        PrinterColumn(name: "Type", type: "string", jsonPath: ".type"),
                        PrinterColumn(name: "Reason", type: "string", jsonPath: ".reason"),
                        PrinterColumn(name: "Object", type: "string", jsonPath: "#involved"),
                        PrinterColumn(name: "Message", type: "string", jsonPath: ".message")],
                     selectableFields: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                                        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                                        "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "events.k8s.io", version: "v1", kind: "Event", plural: "events", singular: "event",
                     namespaced: true, shortNames: ["ev"], printerColumns: [
                        PrinterColumn(name: "Type", type: "string", jsonPath: ".type"),
                        PrinterColumn(name: "Reason", type: "string", jsonPath: ".reason"),
                        PrinterColumn(name: "Note", type: "string", jsonPath: ".note")],
                     selectableFields: ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid",
                                        "reason", "reportingController", "type"],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", singular: "lease",
                     namespaced: true, printerColumns: [
                        PrinterColumn(name: "Holder", type: "string", jsonPath: ".spec.holderIdentity"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices",
                     singular: "endpointslice", namespaced: true, printerColumns: [
                        PrinterColumn(name: "AddressType", type: "string", jsonPath: ".addressType"),
                        PrinterColumn(name: "Ports", type: "string", jsonPath: "#slicePorts"),
                        PrinterColumn(name: "Endpoints", type: "string", jsonPath: "#sliceEndpoints"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        // Stored without their controllers (nothing schedules pods or enforces RBAC here), so
        // that installs such as `kubectl apply -k deploy/` can be applied and dry-run.
        ResourceType(group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", singular: "serviceaccount",
                     namespaced: true, shortNames: ["sa"], printerColumns: [age],
                     strategicMergeKeys: ["secrets": "name", "imagePullSecrets": "name", "ownerReferences": "uid"]),
        ResourceType(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", singular: "deployment",
                     namespaced: true, shortNames: ["deploy"], categories: ["all"], hasStatus: true, tracksGeneration: true,
                     deleteReturnsObject: false, printerColumns: [
                        PrinterColumn(name: "Ready", type: "string", jsonPath: ".status.readyReplicas"),
                        PrinterColumn(name: "Up-to-date", type: "integer", jsonPath: ".status.updatedReplicas"),
                        PrinterColumn(name: "Available", type: "integer", jsonPath: ".status.availableReplicas"), age],
                     strategicMergeKeys: podKeys),
        ResourceType(group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets",
                     singular: "poddisruptionbudget", namespaced: true, shortNames: ["pdb"], hasStatus: true,
                     tracksGeneration: true, printerColumns: [
                        PrinterColumn(name: "Min Available", type: "string", jsonPath: ".spec.minAvailable"),
                        PrinterColumn(name: "Max Unavailable", type: "string", jsonPath: ".spec.maxUnavailable"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles",
                     singular: "clusterrole", namespaced: false, printerColumns: [
                        PrinterColumn(name: "Created At", type: "string", jsonPath: ".metadata.creationTimestamp")],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings",
                     singular: "clusterrolebinding", namespaced: false, printerColumns: [
                        PrinterColumn(name: "Role", type: "string", jsonPath: ".roleRef.name"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles",
                     singular: "role", namespaced: true, printerColumns: [
                        PrinterColumn(name: "Created At", type: "string", jsonPath: ".metadata.creationTimestamp")],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings",
                     singular: "rolebinding", namespaced: true, printerColumns: [
                        PrinterColumn(name: "Role", type: "string", jsonPath: ".roleRef.name"), age],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
        ResourceType(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
                     plural: "customresourcedefinitions", singular: "customresourcedefinition", namespaced: false,
                     shortNames: ["crd", "crds"], categories: ["api-extensions"], hasStatus: true, tracksGeneration: true,
                     deleteReturnsObject: true, printerColumns: [
                        PrinterColumn(name: "Created At", type: "string", jsonPath: ".metadata.creationTimestamp")],
                     strategicMergeKeys: ["ownerReferences": "uid"]),
    ]
}
