/// Status line and headers of a response.
struct TransportHead: Sendable {
    var status: Int
    /// "1.1" or "2", from the status line.
    var httpVersion = ""
    /// Header names lower-cased; later values win.
    var headers: [String: String]

    init(status: Int, httpVersion: String = "", headers: [String: String]) {
        self.status = status
        self.httpVersion = httpVersion
        self.headers = headers
    }
}
