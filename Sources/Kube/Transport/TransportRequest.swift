import Foundation

/// One HTTP exchange as the transport sees it.
struct TransportRequest: Sendable {
    var method: String
    var url: URL
    var headers: [(String, String)]
    var body: Data?
    var tls: TLSSettings
    /// Whole-transfer timeout; nil for none (watches).
    var timeout: Duration?
    var connectTimeout: Duration = .seconds(30)
    var userAgent: String

    /// "https://127.0.0.1:6443", for error messages.
    var origin: String {
        var s = "\(url.scheme ?? "https")://\(url.host ?? "")"
        if let p = url.port { s += ":\(p)" }
        return s
    }
}
