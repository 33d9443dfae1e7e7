import Foundation
import HTTPServer
import JSON

/// JSON responses the way kube-apiserver frames them.
enum Responses {
    static func json(_ value: JSONValue, status: Int = 200, warnings: [String] = []) -> HTTPResponse {
        var r = HTTPResponse(status: status, contentType: "application/json", body: JSONWriter.data(value))
        for w in warnings { r.headers.add("Warning", "299 - \(quoted(w))") }
        r.headers.add("Cache-Control", "no-cache, private")
        return r
    }

    static func error(_ e: APIError) -> HTTPResponse {
        var r = json(e.status, status: e.code)
        if e.code == 429 || e.code == 503 { r.headers.add("Retry-After", "1") }
        return r
    }

    static func text(_ s: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data(s.utf8))
    }

    /// A Warning header value quotes its text as Go's strconv.Quote does (the parts kubectl needs).
    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
