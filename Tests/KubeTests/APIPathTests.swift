import Testing
@testable import Kube

/// Request paths: what the client sends for a resource address.
@Suite("API paths")
struct APIPathTests {
    @Test(arguments: [
        (".", nil as String?, nil as String?),
        ("..", nil, nil),
        ("default", "..", nil),
        ("default", ".", nil),
        ("default", "web", ".."),
    ] as [(String?, String?, String?)])
    func dotSegmentsAreRejected(namespace: String?, name: String?, subresource: String?) {
        #expect(throws: KubeError.self) {
            try APICall.path(.configMaps, namespace: namespace, name: name, subresource: subresource)
        }
    }

    @Test func namesAreEscaped() throws {
        #expect(try APICall.path(.configMaps, namespace: "default", name: "a b", subresource: "status")
                == "/api/v1/namespaces/default/configmaps/a%20b/status")
        #expect(try APICall.path(.configMaps, namespace: "default", name: "..a", subresource: nil)
                == "/api/v1/namespaces/default/configmaps/..a")
    }
}
