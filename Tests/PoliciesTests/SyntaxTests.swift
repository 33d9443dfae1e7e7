import Testing
@testable import Policies

@Suite("Label, FQDN and port syntax")
struct SyntaxTests {
    @Test("valid label keys", arguments: [
        "app", "a", "app.kubernetes.io/name", "k8s:app", "k8s:io.kubernetes.pod.namespace", "any:app",
        "reserved:world", "A_b-c.D", "example.com/Name_1", String(repeating: "k", count: 63),
    ])
    func validKeys(_ key: String) { #expect(LabelSyntax.keyProblem(key) == nil) }

    @Test("invalid label keys", arguments: [
        "", "-app", "app-", "a b", "/app", "app/", "Example.com/app", "a..b/c", "k8s:", ":app",
        String(repeating: "k", count: 64), String(repeating: "p", count: 254) + "/n", "a/b/c", "app!",
    ])
    func invalidKeys(_ key: String) { #expect(LabelSyntax.keyProblem(key) != nil) }

    @Test("label values", arguments: [("", true), ("web", true), ("v1.2_3-x", true), ("-x", false), ("x-", false),
                                      ("a b", false), (String(repeating: "v", count: 63), true), (String(repeating: "v", count: 64), false)])
    func values(_ value: String, _ valid: Bool) { #expect((LabelSyntax.valueProblem(value) == nil) == valid) }

    @Test("FQDN names and patterns", arguments: [
        ("example.com", true, true), ("example.com.", true, true), ("_srv._tcp.example.com", true, true),
        ("*.example.com", false, true), ("*", false, true), ("a..b", false, false), (".a", false, false),
        ("a b", false, false), ("", false, false), (String(repeating: "a", count: 256), false, false),
    ])
    func fqdn(_ s: String, _ asName: Bool, _ asPattern: Bool) {
        #expect((FQDNSyntax.nameProblem(s) == nil) == asName)
        #expect((FQDNSyntax.patternProblem(s) == nil) == asPattern)
    }

    @Test("Cilium port strings: numbers 0-65535 or IANA names", arguments: [
        ("0", true), ("80", true), ("65535", true), ("65536", false), ("000080", false), ("http", true),
        ("http-8080", true), ("h2c", true), ("-http", false), ("http-", false), ("a--b", false), ("", false),
        ("abcdefghijklmnop", false), ("80/tcp", false),
    ])
    func portStrings(_ s: String, _ valid: Bool) { #expect((PortSyntax.portStringProblem(s) == nil) == valid) }

    @Test("entities: Cilium's list only")
    func entities() {
        for e in ["all", "world", "cluster", "host", "init", "ingress", "unmanaged", "remote-node", "health", "none", "kube-apiserver"] {
            #expect(CiliumEntity.problem(e) == nil)
        }
        #expect(CiliumEntity.problem("World") != nil)
        #expect(CiliumEntity.problem("internet") != nil)
    }
}
