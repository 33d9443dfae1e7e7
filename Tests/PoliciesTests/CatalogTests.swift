import Foundation
import JSON
import Testing
@testable import Policies

@Suite("Predefined catalog")
struct CatalogTests {
    @Test("every catalog policy renders to its golden CNP, disabled and enabled")
    func catalogGolden() throws {
        #expect(PredefinedCatalog.all.count >= 8)
        for p in PredefinedCatalog.all {
            let enabled = try Fixtures.render(p.name, ["predefined": .string(p.name)])
            Golden.check(ManifestText.document(enabled.cnp), against: Golden.goldenURL("catalog/\(p.name).cnp.yaml"))
            let disabled = try Fixtures.render(p.name, ["predefined": .string(p.name), "enabled": false])
            #expect(!Enforcement.isEnabled(cnp: disabled.cnp))
            #expect(enabled.mode == .predefined)
        }
    }

    @Test("GitLab's two policies exactly as GitLab defined them")
    func gitlabPolicies() throws {
        let http = try #require(PredefinedCatalog.policy(named: "allow-inbound-http"))
        #expect(http.spec == (try JSONParser.parse(#"{"endpointSelector":{},"ingress":[{"toPorts":[{"ports":[{"port":"80"},{"port":"443"}]}]}]}"#)))
        let drop = try #require(PredefinedCatalog.policy(named: "drop-outbound"))
        #expect(drop.spec == (try JSONParser.parse(#"{"endpointSelector":{},"egress":[{}]}"#)))
    }

    @Test("the catalog has the policies people need, each described, names unique")
    func contents() {
        let names = PredefinedCatalog.names
        for needed in ["allow-inbound-http", "drop-outbound", "deny-all-ingress", "deny-all-egress", "allow-dns-egress",
                       "allow-same-namespace", "allow-kube-apiserver-egress", "deny-ingress-from-world"] {
            #expect(names.contains(needed), "missing \(needed)")
        }
        #expect(Set(names).count == names.count)
        for p in PredefinedCatalog.all { #expect(!p.description.isEmpty, "\(p.name) has no description") }
    }

    @Test("summaries read like GitLab's preview sentences")
    func summaries() throws {
        let expected: [(String, String)] = [
            ("allow-inbound-http", "Allow inbound traffic to all pods from anywhere on 80, 443"),
            ("drop-outbound", "Deny all outbound traffic from all pods"),
            ("deny-all-ingress", "Deny all inbound traffic to all pods"),
            ("allow-kube-apiserver-egress", "Allow outbound traffic from all pods to entity kube-apiserver on any port"),
            ("deny-ingress-from-world", "Deny inbound traffic to all pods from entity world on any port"),
        ]
        for (name, sentence) in expected {
            #expect(try Fixtures.render(name, ["predefined": .string(name)]).summary == sentence)
        }
        let both: JSONValue = ["apiVersion": "cilium.io/v2", "spec": ["endpointSelector": [:], "ingress": [[:]], "egress": [[:]]]]
        #expect(PolicySummary.describe(cnp: both) == "Deny all traffic")
    }
}
