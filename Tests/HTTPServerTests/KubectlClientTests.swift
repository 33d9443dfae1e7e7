import Foundation
import Testing
@testable import HTTPServer

/// The pinned kubectl: $KUBECTL, else `<package root>/.tools/bin/kubectl`.
private func kubectlPath() -> String? {
    if let path = ProcessInfo.processInfo.environment["KUBECTL"], FileManager.default.isExecutableFile(atPath: path) { return path }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent(".tools/bin/kubectl").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

extension ServerSuites {
    /// kubectl is Go's HTTP client: it offers h2 first over ALPN and must fall back to HTTP/1.1.
    @Suite struct KubectlClient {
        @Test func kubectlTalksToTheServerWithAClientCertificate() async throws {
            let kubectl = try #require(kubectlPath(), "kubectl not installed: run hack/install-deps.sh")
            let fixture = try TLSFixture(clientCA: true)
            let client = try fixture.authority.issueClientCertificate(commonName: "kube-admin", organizations: ["system:masters"])
            let certificate = try fixture.files.write("admin.pem", client.certificatePEM)
            let key = try fixture.files.write("admin-key.pem", client.privateKeyPEM)
            try await withServer(fixture.configuration, handler: echoHandler) { server, _ in
                let result = try await ExternalTool.run(kubectl, [
                    "get", "--raw", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=5",
                    "--server", server.url, "--certificate-authority", fixture.caPath,
                    "--client-certificate", certificate, "--client-key", key, "--request-timeout", "10s",
                ])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.contains("GET /api/v1/namespaces/default/pods\n"))
                #expect(result.output.contains("q: labelSelector=app=web\n"))
                #expect(result.output.contains("cn: kube-admin\no: system:masters\n"))
            }
        }

        @Test func kubectlReadsAStreamedResponse() async throws {
            let kubectl = try #require(kubectlPath(), "kubectl not installed: run hack/install-deps.sh")
            let fixture = try TLSFixture()
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: .stream { writer in
                    for index in 0..<3 {
                        try await writer.write(Data("{\"type\":\"ADDED\",\"object\":{\"n\":\(index)}}\n".utf8))
                    }
                })
            }
            try await withServer(fixture.configuration, handler: handler) { server, _ in
                let result = try await ExternalTool.run(kubectl, ["get", "--raw", "/api/v1/pods?watch=true", "--server", server.url,
                                                                  "--certificate-authority", fixture.caPath, "--token", "t", "--request-timeout", "10s"])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.components(separatedBy: "\"type\":\"ADDED\"").count == 4)
                #expect(result.output.contains("{\"n\":2}"))
            }
        }
    }
}
