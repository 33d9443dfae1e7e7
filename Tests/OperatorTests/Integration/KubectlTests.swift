import Foundation
import JSON
import Kube
import Policies
import Testing
import TestSupport

@Suite("The real kubectl against the operator", .timeLimit(.minutes(2)))
struct KubectlTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kubectl), "pinned kubectl not installed"))
    func applyGetAndPatchTheShopExample() async throws {
        try await Harness.with(namespaces: []) { h in
            let kubectl = try Kubectl(cluster: h)
            defer { kubectl.cleanUp() }

            let applied = try await kubectl.run("apply", "-f", Harness.examples.path)
            #expect(applied.stdout.contains("containernetworkpolicy.threatmonitor.dev/api-to-payments created"))
            #expect(applied.stdout.contains("ciliumnetworkpolicy.cilium.io/allow-prometheus-scrape created"))
            for name in ["default-deny-ingress", "frontend-inbound-http", "frontend-to-api", "api-to-database", "api-to-payments"] {
                try await h.waitForPolicy(name) { Harness.reason($0, "Ready") == "Deployed" }
            }

            let table = try await kubectl.run("get", "containernetworkpolicies", "-n", "shop")
            let lines = table.stdout.split(separator: "\n").map(String.init)
            let header = lines.first?.split(separator: " ", omittingEmptySubsequences: true).map(String.init) ?? []
            #expect(header == ["NAME", "ENABLED", "ALERT", "MODE", "READY", "AGE", "SUMMARY"])
            let payments = try #require(lines.first { $0.hasPrefix("api-to-payments ") })
            let cells = payments.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(Array(cells.prefix(4)) == ["api-to-payments", "true", "true", "Rules"])
            // READY is `.status.conditions[?(@.type=="Ready")].status`, a JSONPath filter.
            #expect(cells.dropFirst(4).first == "True")
            #expect(payments.contains("api.stripe.com"))
            let deny = try #require(lines.first { $0.hasPrefix("default-deny-ingress ") })
            #expect(deny.contains("Predefined"))

            _ = try await kubectl.run("patch", "containernetworkpolicy", "frontend-inbound-http", "-n", "shop",
                                                  "--type=merge", "-p", #"{"spec":{"enabled":false}}"#)
            // The issue asks for "within a second"; the bound here is looser so a loaded CI machine does not flake.
            try await h.waitForCNP("frontend-inbound-http") {
                $0[path: ["spec", "endpointSelector", "matchLabels", EnforcementLabel.gitlab.key]] == "gitlab"
            }
            try await h.waitForPolicy("frontend-inbound-http") { $0[path: ["status", "enabled"]] == false }
            let after = try await kubectl.run("get", "ctnp", "frontend-inbound-http", "-n", "shop", "--no-headers")
            #expect(after.stdout.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "false")

            let envs = try await kubectl.run("get", "environments", "-n", "shop")
            #expect(envs.stdout.contains("DISPLAY NAME"))
            try await h.wait("inventory", { try await h.get(Harness.environments, "shop") }) {
                $0[path: ["status", "policyInventory", "deployed"]] == 6 && $0[path: ["status", "policyInventory", "enabled"]] == 5
            }
        }
    }
}
