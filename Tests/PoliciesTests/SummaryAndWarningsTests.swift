import JSON
import Testing
@testable import Policies

@Suite("Summaries and warnings")
struct SummaryAndWarningsTests {
    func render(_ json: String) throws -> RenderedPolicy { try Fixtures.render("p", try JSONParser.parse(json)) }

    @Test("the summary of the brief's example")
    func briefExample() throws {
        let r = try render(#"{"podSelector":{"app":"web"},"rules":[{"direction":"inbound","entities":["world"],"ports":[{"port":80},{"port":443}]}]}"#)
        #expect(r.summary == "Allow inbound traffic to pods app=web from entity world on 80/TCP, 443/TCP")
    }

    @Test("a disabled policy's summary ignores the enforcement label")
    func disabledSummary() throws {
        let r = try render(#"{"enabled":false,"rules":[{"direction":"outbound","cidrs":["10.0.0.0/8"]}]}"#)
        #expect(r.summary == "Allow outbound traffic from all pods to CIDR 10.0.0.0/8 on any port")
        #expect(!r.enabled)
    }

    @Test("summaries are cut at a sentence boundary")
    func truncation() throws {
        let rules = (0..<30).map { #"{"direction":"inbound","pods":{"app":"client-\#($0)"}}"# }.joined(separator: ",")
        let r = try render(#"{"rules":[\#(rules)]}"#)
        #expect(r.summary.utf8.count <= PolicySummary.maxLength + 40)
        #expect(r.summary.hasSuffix("more rules"))
        #expect(r.summary.hasPrefix("Allow inbound traffic to all pods from pods app=client-0 on any port; "))
    }

    @Test("summary shapes for selectors and peers", arguments: [
        (#"{"spec":{"nodeSelector":{"matchLabels":{"role":"edge"}},"ingress":[{"fromEntities":["world"]}]}}"#,
         "Allow inbound traffic to nodes role=edge from entity world on any port"),
        (#"{"spec":{"endpointSelector":{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["db"]},{"key":"x","operator":"DoesNotExist"}]},"egress":[{}]}}"#,
         "Deny all outbound traffic from pods tier not in (db), no x"),
        (#"{"spec":{"endpointSelector":{"matchLabels":{"app":"a"}},"ingress":[{}],"egress":[{}]}}"#,
         "Deny all traffic to and from pods app=a"),
        (#"{"spec":{"endpointSelector":{},"ingress":[{"fromEndpoints":[{"matchLabels":{"a":"1"}},{"matchLabels":{"b":"2"}}]}]}}"#,
         "Allow inbound traffic to all pods from pods a=1 or pods b=2 on any port"),
        (#"{"spec":{"endpointSelector":{},"egress":[{"toEntities":["world"],"icmps":[{"fields":[{"type":8}]}]}]}}"#,
         "Allow outbound traffic from all pods to entity world on ICMP"),
        (#"{"metadata":{"name":"empty"}}"#, "Empty policy (no rules)"),
    ])
    func shapes(_ cnp: String, _ expected: String) throws {
        #expect(PolicySummary.describe(cnp: try JSONParser.parse(cnp)) == expected)
    }

    @Test("warnings", arguments: [
        (#"{"alert":true,"rules":[{"direction":"inbound","entities":["world"]}]}"#, "spec.alert", "no rule restricts ports"),
        (#"{"alert":true,"predefined":"deny-all-ingress"}"#, "spec.alert", "no rule restricts ports"),
        (#"{"alert":true,"enabled":false,"predefined":"allow-inbound-http"}"#, "spec.alert", "the policy is disabled"),
        (#"{"addDNSRule":false,"rules":[{"direction":"outbound","fqdns":[{"matchName":"a.com"}]}]}"#, "spec.addDNSRule", "DNS proxy"),
        (#"{"cilium":{"spec":{"endpointSelector":{},"egress":[{"toFQDNs":[{"matchName":"a.com"}]}]}}}"#, "spec.cilium", "toFQDNs rules only work"),
        (#"{"cilium":{"spec":{"nodeSelector":{},"ingress":[{}]}}}"#, "spec.cilium", "nodeSelector (host policy)"),
    ])
    func warnings(_ spec: String, _ path: String, _ fragment: String) throws {
        let r = try render(spec)
        #expect(r.warnings.contains { $0.path == path && $0.message.contains(fragment) }, "\(r.warnings)")
    }

    @Test("no warnings for a well-formed alerting policy")
    func noWarnings() throws {
        let r = try render(#"{"alert":true,"rules":[{"direction":"inbound","entities":["world"],"ports":[{"port":443}]},{"direction":"outbound","fqdns":[{"matchName":"a.com"}]}]}"#)
        #expect(r.warnings == [])
    }
}
