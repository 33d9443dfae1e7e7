import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    /// libcurl as a real client over plain HTTP: uploads with 100-continue and chunked bodies.
    @Suite struct CurlClient {
        @Test func uploadsWithExpectContinueAndChunkedEncoding() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let files = try TemporaryFiles()
            let upload = try files.write("upload.txt", String(repeating: "0123456789", count: 50_000))
            try await withServer(handler: echoHandler) { server, _ in
                let continued = try await ExternalTool.run(curl, ["-sS", "-v", "--max-time", "10", "-H", "Expect: 100-continue",
                                                                  "--data-binary", "@\(upload)", "\(server.url)/continue"])
                #expect(continued.status == 0, "\(continued.errorOutput)")
                #expect(continued.errorOutput.contains("HTTP/1.1 100 Continue"))
                #expect(continued.output.contains("body-bytes: 500000"))

                let chunked = try await ExternalTool.run(curl, ["-sS", "-v", "--max-time", "10", "-H", "Transfer-Encoding: chunked",
                                                                "--data-binary", "@\(upload)", "\(server.url)/chunked"])
                #expect(chunked.status == 0, "\(chunked.errorOutput)")
                #expect(chunked.errorOutput.contains("Transfer-Encoding: chunked"))
                #expect(chunked.output.contains("body-bytes: 500000"))
            }
        }

        @Test func uploadsOverTheLimitAreRefusedBeforeTheBodyIsSent() async throws {
            let curl = try #require(ExternalTool.which("curl"))
            let files = try TemporaryFiles()
            let upload = try files.write("upload.txt", String(repeating: "x", count: 2 << 20))
            try await withServer(HTTPServerConfiguration(maxRequestBodyBytes: 1 << 20), handler: echoHandler) { server, _ in
                let result = try await ExternalTool.run(curl, ["-sS", "--max-time", "10", "-H", "Expect: 100-continue", "-o", "/dev/null",
                                                               "-w", "%{http_code}", "--data-binary", "@\(upload)", "\(server.url)/big"])
                #expect(result.output == "413", "\(result.errorOutput)")
            }
        }
    }
}
