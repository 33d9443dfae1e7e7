import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Recorded calls against RBAC rules", .timeLimit(.minutes(1)))
struct RBACRulesTests {
    static let role: JSONValue = [
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": ["name": "threat-monitor"],
        "rules": [
            ["apiGroups": ["threatmonitor.dev"], "resources": ["policyalerts", "policyalerts/status"], "verbs": ["get", "list", "watch", "patch"]],
            ["apiGroups": ["cilium.io"], "resources": ["ciliumnetworkpolicies"], "verbs": ["*"]],
            ["apiGroups": ["coordination.k8s.io"], "resources": ["leases"], "verbs": ["get", "update"], "resourceNames": ["leader"]],
            ["apiGroups": ["*"], "resources": ["events"], "verbs": ["create"]],
            ["nonResourceURLs": ["/metrics"], "verbs": ["get"]],
        ],
    ]

    static let cases: [(RecordedRequest, Bool)] = [
        (RecordedRequest(verb: "watch", group: "threatmonitor.dev", resource: "policyalerts"), true),
        (RecordedRequest(verb: "patch", group: "threatmonitor.dev", resource: "policyalerts", subresource: "status"), true),
        (RecordedRequest(verb: "update", group: "threatmonitor.dev", resource: "policyalerts", subresource: "status"), false),
        (RecordedRequest(verb: "deletecollection", group: "cilium.io", resource: "ciliumnetworkpolicies"), true),
        (RecordedRequest(verb: "get", group: "coordination.k8s.io", resource: "leases"), false),
        (RecordedRequest(verb: "create", group: "events.k8s.io", resource: "events"), true),
        (RecordedRequest(verb: "create", group: "", resource: "events"), true),
        (RecordedRequest(verb: "list", group: "", resource: "namespaces"), false),
    ]

    @Test(arguments: cases)
    func allows(call: RecordedRequest, allowed: Bool) throws {
        #expect(try RBACRules(role: Self.role).allows(call) == allowed)
    }

    @Test func missingListsUngrantedCalls() async throws {
        let recorder = RequestRecorder()
        let server = try FakeAPIServer.shared()
        let client = try server.client { $0.recorder = recorder }
        _ = try await client.list(.ciliumNetworkPolicies, namespace: "rbac")
        _ = try await client.list(.namespaces, namespace: nil)
        let missing = try RBACRules(role: Self.role).missing(recorder.recorded)
        #expect(missing.map(\.description) == ["list core/namespaces"])
    }

    // MARK: Bad roles

    static let badRoles: [(JSONValue, String)] = [
        (["kind": "ClusterRole"], "ClusterRole: rules must be a list"),
        (["rules": [["resources": "pods", "verbs": ["get"]]]], "rules[0].resources: expected a list of strings"),
        (["rules": [["resources": ["pods"], "verbs": [1]]]], "rules[0].verbs[0]: expected a string, got integer"),
    ]

    @Test(arguments: badRoles)
    func badRole(role: JSONValue, message: String) {
        do {
            _ = try RBACRules(role: role)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
