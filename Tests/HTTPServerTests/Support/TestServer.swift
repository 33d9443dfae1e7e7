import Foundation
import HTTPServer

/// Starts a server for one test and always shuts it down, even when the test throws.
func withServer<T: Sendable>(_ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                             handler: @escaping HTTPHandler,
                             _ body: (HTTPServer, Int) async throws -> T) async throws -> T {
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try server.start()
    do {
        let result = try await body(server, port)
        await server.shutdown(timeout: .seconds(2))
        return result
    } catch {
        await server.shutdown(timeout: .seconds(2))
        throw error
    }
}

/// Answers every request with a description of it, so tests can see what the server parsed.
let echoHandler: HTTPHandler = { request in
    var lines = ["\(request.method) \(request.path)", "raw-query: \(request.rawQuery)"]
    lines += request.query.map { "q: \($0.name)=\($0.value)" }
    lines.append("body-bytes: \(request.body.count)")
    lines.append("remote: \(request.remoteAddress)")
    if let identity = request.clientCertificate {
        lines.append("cn: \(identity.commonName)")
        lines += identity.organizations.map { "o: \($0)" }
    }
    var response = HTTPResponse(status: 200, contentType: "text/plain", body: Data((lines.joined(separator: "\n") + "\n").utf8))
    response.headers.add("X-Body-SHA", String(request.body.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xffffff }))
    return response
}
