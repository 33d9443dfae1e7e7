import JSON
import Testing
@testable import DevCluster

/// Printer columns and selectable fields: the JSONPath subset kube-apiserver evaluates.
@Suite("JSONPath for printer columns")
struct JSONPathTests {
    static let object: JSONValue = [
        "metadata": ["name": "web", "labels": ["app.kubernetes.io/name": "shop"]],
        "spec": ["ports": [["port": 80, "name": "http"], ["port": 443, "name": "https"]], "enabled": true],
        "status": ["conditions": [
            ["type": "Valid", "status": "True"],
            ["type": "Ready", "status": "False", "reason": "Conflict"],
        ]],
    ]

    @Test(arguments: [
        (".metadata.name", ["web"]),
        ("{.metadata.name}", ["web"]),
        ("$.metadata.name", ["web"]),
        (".spec.ports[0].port", [80]),
        (".spec.ports[-1].name", ["https"]),
        (".spec.ports[*].port", [80, 443]),
        (".spec.enabled", [true]),
        (".metadata.labels['app.kubernetes.io/name']", ["shop"]),
        (".status.conditions[?(@.type==\"Ready\")].status", ["False"]),
        (".status.conditions[?(@.type=='Valid')].status", ["True"]),
        (".status.conditions[?(@.type == 'Ready')].reason", ["Conflict"]),
        (".status.conditions[?(@.type!='Ready')].type", ["Valid"]),
        (".status.conditions[?(@.reason)].type", ["Ready"]),
        (".spec.ports[?(@.port==443)].name", ["https"]),
        (".status.conditions[?(@.type=='Missing')].status", []),
        (".missing.field", []),
        (".spec.ports[7]", []),
        (".spec.ports[", []),
    ] as [(String, [JSONValue])])
    func evaluates(path: String, expected: [JSONValue]) {
        #expect(JSONPathLite.evaluate(path, Self.object) == expected)
    }
}
