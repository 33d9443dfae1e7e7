import Foundation
import Testing
@testable import HTTPServer

private let pythonClient = """
import socket, ssl, sys
port, cafile = int(sys.argv[1]), sys.argv[2]
context = ssl.create_default_context(cafile=cafile)
context.set_alpn_protocols(["h2", "http/1.1"])
with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
    with context.wrap_socket(raw, server_hostname="localhost") as tls:
        print("alpn:", tls.selected_alpn_protocol())
        print("version:", tls.version())
        for path in ("/first", "/second"):
            tls.sendall(f"GET {path} HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n".encode())
            data = b""
            while b"\\r\\n\\r\\n" not in data:
                data += tls.recv(65536)
            head, _, body = data.partition(b"\\r\\n\\r\\n")
            length = int([l.split(b":")[1] for l in head.split(b"\\r\\n") if l.lower().startswith(b"content-length")][0])
            while len(body) < length:
                body += tls.recv(65536)
            print(body.decode().splitlines()[0])
"""

extension ServerSuites {
    @Suite struct TLS {
        @Test func curlVerifiesTheServerAndFallsBackToHTTP11() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let fixture = try TLSFixture()
            try await withServer(fixture.configuration, handler: echoHandler) { server, port in
                #expect(server.url == "https://127.0.0.1:\(port)")
                let result = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--http2", "--cacert", fixture.caPath,
                                                               "-w", "\\nhttp-version: %{http_version}\\n",
                                                               "https://localhost:\(port)/secure?x=1", "--resolve", "localhost:\(port):127.0.0.1"])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.contains("GET /secure"))
                #expect(result.output.contains("http-version: 1.1"))
                // Large bodies and keep-alive over TLS: two uploads on one connection.
                let upload = try fixture.files.write("upload.bin", String(repeating: "z", count: 3 << 20))
                let posted = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", fixture.caPath,
                                                               "--data-binary", "@\(upload)", "https://127.0.0.1:\(port)/a",
                                                               "--next", "--cacert", fixture.caPath, "--data-binary", "@\(upload)",
                                                               "https://127.0.0.1:\(port)/b", "-w", "connects: %{num_connects}\\n"])
                #expect(posted.status == 0, "\(posted.errorOutput)")
                #expect(posted.output.components(separatedBy: "body-bytes: \(3 << 20)").count == 3)
                #expect(posted.output.contains("connects: 0"), "the second request reused the connection")
            }
        }

        @Test func pythonSSLClientVerifiesTheServer() async throws {
            let python = try #require(ExternalTool.which("python3"))
            let fixture = try TLSFixture()
            let script = try fixture.files.write("client.py", pythonClient)
            try await withServer(fixture.configuration, handler: echoHandler) { _, port in
                let result = try await ExternalTool.run(python, [script, "\(port)", fixture.caPath])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.contains("alpn: http/1.1"))
                #expect(result.output.contains("GET /first"))
                #expect(result.output.contains("GET /second"))
                #expect(result.output.contains("version: TLSv1.3") || result.output.contains("version: TLSv1.2"))
            }
        }

        @Test func clientCertificateIdentityReachesTheHandler() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let fixture = try TLSFixture(clientCA: true)
            let client = try fixture.authority.issueClientCertificate(commonName: "jane", organizations: ["system:masters", "dev"])
            let certificate = try fixture.files.write("client.pem", client.certificatePEM)
            let key = try fixture.files.write("client-key.pem", client.privateKeyPEM)
            try await withServer(fixture.configuration, handler: echoHandler) { _, port in
                let with = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", fixture.caPath,
                                                             "--cert", certificate, "--key", key, "https://127.0.0.1:\(port)/who"])
                #expect(with.status == 0, "\(with.errorOutput)")
                #expect(with.output.contains("cn: jane\no: system:masters\no: dev\n"))

                // Requested, not required: without a certificate the request is served anonymously.
                let without = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", fixture.caPath, "https://127.0.0.1:\(port)/who"])
                #expect(without.status == 0, "\(without.errorOutput)")
                #expect(without.output.contains("GET /who"))
                #expect(!without.output.contains("cn:"))

                // A certificate from another CA fails the handshake.
                let stranger = try CertificateAuthority.generate(commonName: "stranger").issueClientCertificate(commonName: "mallory", organizations: [])
                let strangerCertificate = try fixture.files.write("stranger.pem", stranger.certificatePEM)
                let strangerKey = try fixture.files.write("stranger-key.pem", stranger.privateKeyPEM)
                let rejected = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", fixture.caPath,
                                                                 "--cert", strangerCertificate, "--key", strangerKey, "https://127.0.0.1:\(port)/who"])
                #expect(rejected.status != 0)
                #expect(!rejected.output.contains("mallory"))
            }
        }

        @Test func aClientTrustingAnotherCARejectsTheServer() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let python = try #require(ExternalTool.which("python3"))
            let fixture = try TLSFixture()
            let otherCA = try fixture.files.write("other-ca.pem", CertificateAuthority.generate(commonName: "other").certificatePEM)
            let script = try fixture.files.write("client.py", pythonClient)
            try await withServer(fixture.configuration, handler: echoHandler) { _, port in
                let result = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", otherCA, "https://127.0.0.1:\(port)/"])
                #expect(result.status == 60, "curl: \(result.errorOutput)")   // CURLE_PEER_FAILED_VERIFICATION
                let pythonResult = try await ExternalTool.run(python, [script, "\(port)", otherCA])
                #expect(pythonResult.status != 0)
                #expect(pythonResult.errorOutput.contains("CERTIFICATE_VERIFY_FAILED"))
            }
        }

        @Test func streamingOverTLSAndDisconnectDetection() async throws {
            let python = try #require(ExternalTool.which("python3"))
            let fixture = try TLSFixture()
            let script = try fixture.files.write("stream.py", """
            import http.client, ssl, sys
            context = ssl.create_default_context(cafile=sys.argv[2])
            connection = http.client.HTTPSConnection("127.0.0.1", int(sys.argv[1]), context=context, timeout=10)
            connection.request("GET", "/watch")
            response = connection.getresponse()
            print("encoding:", response.getheader("Transfer-Encoding"))
            for _ in range(3):
                print("line:", response.readline().decode().strip())
            connection.close()
            """)
            let errors = Recorder<HTTPServerError>()
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    var index = 0
                    do {
                        while true {
                            try await writer.write(Data("event \(index)\n".utf8))
                            index += 1
                            try? await Task.sleep(for: .milliseconds(5))
                        }
                    } catch {
                        errors.append(error as? HTTPServerError ?? .stopped)
                    }
                })
            }
            try await withServer(fixture.configuration, handler: handler) { server, port in
                let result = try await ExternalTool.run(python, [script, "\(port)", fixture.caPath])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.contains("encoding: chunked"))
                #expect(result.output.contains("line: event 0\nline: event 1\nline: event 2\n"))
                try await eventually("the writer to notice the client left") { !errors.values.isEmpty }
                #expect(errors.values == [.clientDisconnected])
                try await eventually("the connection to be released") { server.connectionCount == 0 }
            }
        }

        @Test func closingConnectionsSendCloseNotify() async throws {
            let python = try #require(ExternalTool.which("python3"))
            let fixture = try TLSFixture()
            // Python's ssl raises SSLEOFError on a close without close_notify.
            let script = try fixture.files.write("close.py", """
            import socket, ssl, sys
            context = ssl.create_default_context(cafile=sys.argv[2])
            with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10) as raw:
                with context.wrap_socket(raw, server_hostname="localhost", suppress_ragged_eofs=False) as tls:
                    tls.sendall(b"GET /bye HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n")
                    data = b""
                    while True:
                        chunk = tls.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    print(data.decode().splitlines()[0])
            """)
            try await withServer(fixture.configuration, handler: echoHandler) { _, port in
                let result = try await ExternalTool.run(python, [script, "\(port)", fixture.caPath])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.hasPrefix("HTTP/1.1 200 OK"))
            }
        }

        @Test func tlsOverIPv6() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let fixture = try TLSFixture(host: "::1")
            try await withServer(fixture.configuration, handler: echoHandler) { server, port in
                #expect(server.url == "https://[::1]:\(port)")
                let result = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "--cacert", fixture.caPath, "-g", "https://[::1]:\(port)/v6"])
                #expect(result.status == 0, "\(result.errorOutput)")
                #expect(result.output.contains("GET /v6"))
            }
        }

        @Test func plainHTTPToATLSPortDoesNotHurtTheServer() async throws {
            let fixture = try TLSFixture()
            try await withServer(fixture.configuration, handler: echoHandler) { server, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    _ = try? client.readToEnd()
                }
                try await eventually("the failed handshake to be cleaned up") { server.connectionCount == 0 }
            }
        }

        // MARK: Bad TLS configuration

        @Test func unusableCertificatesAreReportedAtStart() async throws {
            let authority = try CertificateAuthority.generate(commonName: "ca")
            let server = try authority.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: [])
            let other = try authority.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: [])
            let cases: [(TLSConfiguration, String)] = [
                (TLSConfiguration(certificateChainPEM: "garbage", privateKeyPEM: server.privateKeyPEM), "certificateChainPEM"),
                (TLSConfiguration(certificateChainPEM: server.certificatePEM, privateKeyPEM: "garbage"), "privateKeyPEM"),
                (TLSConfiguration(certificateChainPEM: server.certificatePEM, privateKeyPEM: other.privateKeyPEM), "does not match"),
                (TLSConfiguration(certificateChainPEM: server.certificatePEM, privateKeyPEM: server.privateKeyPEM, clientCAPEM: "nope"), "clientCAPEM"),
            ]
            for (tls, message) in cases {
                let candidate = HTTPServer(configuration: HTTPServerConfiguration(tls: tls), handler: echoHandler)
                #expect { try candidate.start() } throws: { error in
                    guard case .tlsConfiguration = error as? HTTPServerError else { return false }
                    return "\(error)".contains(message)
                }
                await candidate.shutdown()
            }
        }
    }
}
