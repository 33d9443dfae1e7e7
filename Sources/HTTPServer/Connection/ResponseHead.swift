import Foundation

/// Serializing a response's status line and headers.
enum ResponseHead {
    enum Framing {
        case contentLength(Int)
        case chunked
        /// HTTP/1.0 streaming: the body ends when the connection closes.
        case untilClose
        /// 1xx, 204 and 304 carry no body and no length.
        case noBody
    }

    /// The head bytes. Framing, Connection and Date headers are the server's: the handler's
    /// values for the first two are replaced.
    static func serialize(status: Int, headers: HTTPHeaders, framing: Framing, keepAlive: Bool, minorVersion: Int) -> Data {
        var text = "HTTP/1.\(minorVersion == 0 ? 0 : 1) \(status) \(reasonPhrase(status))\r\n"
        text.reserveCapacity(256)
        var hasDate = false
        for (name, value) in headers where isSafe(name: name, value: value) {
            switch name.lowercased() {
            case "content-length", "transfer-encoding", "connection": continue
            case "date": hasDate = true
            default: break
            }
            text += name
            text += ": "
            text += value
            text += "\r\n"
        }
        if !hasDate { text += "Date: \(HTTPDate.now())\r\n" }
        switch framing {
        case let .contentLength(length): text += "Content-Length: \(length)\r\n"
        case .chunked: text += "Transfer-Encoding: chunked\r\n"
        case .untilClose, .noBody: break
        }
        if !keepAlive {
            text += "Connection: close\r\n"
        } else if minorVersion == 0 {
            text += "Connection: keep-alive\r\n"
        }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// A handler's header must not be able to split the response: a bad name or a value with
    /// CR or LF is dropped.
    static func isSafe(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(ByteClass.isToken) && value.utf8.allSatisfy(ByteClass.isFieldValue)
    }

    static func hasBody(status: Int) -> Bool { !(100..<200).contains(status) && status != 204 && status != 304 }

    static func reasonPhrase(_ status: Int) -> String { reasons[status] ?? "Status \(status)" }

    private static let reasons: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
        204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
        401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Content Too Large", 415: "Unsupported Media Type", 417: "Expectation Failed",
        422: "Unprocessable Entity", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
