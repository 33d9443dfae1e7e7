import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct RequestTargets {
        @Test func pathIsDecodedAndQueryParsedLikeGo() async throws {
            try await withServer(handler: echoHandler) { _, port in
                let text = try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET /api/v1/namespaces/a%20b/pods+x?labelSelector=app%3Dweb%2Ctier+in+(a)&watch&x=1;y=2&fieldSelector=metadata.name%3Dp HTTP/1.1\r\nHost: t\r\n\r\n")
                    return try client.readResponse().text
                }
                #expect(text.contains("GET /api/v1/namespaces/a b/pods+x\n"))
                #expect(text.contains("raw-query: labelSelector=app%3Dweb%2Ctier+in+(a)&watch&x=1;y=2&fieldSelector=metadata.name%3Dp\n"))
                #expect(text.contains("q: labelSelector=app=web,tier in (a)\nq: watch=\nq: fieldSelector=metadata.name=p\n"))
                #expect(!text.contains("q: x="))
            }
        }
    }
}
