/// A listen address as kubebuilder flags spell it: ":8080", "127.0.0.1:8080",
/// "[::1]:8080", or "0" to disable the endpoint.
public struct BindAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// nil for "0" (disabled).
    public static func parse(_ text: String) throws(OptionsError) -> BindAddress? {
        if text == "0" { return nil }
        guard let colon = text.lastIndex(of: ":") else {
            throw .invalidValue(flag: "", value: text, reason: "expected host:port, :port or 0 (disabled)")
        }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw .invalidValue(flag: "", value: text, reason: "port \"\(portText)\" is not a number in 0-65535")
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        // Go's ":8080" means every interface.
        if host.isEmpty { host = "0.0.0.0" }
        return BindAddress(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
