/// A port or a port range (`endPort`), with its protocol (TCP by default).
public struct RulePort: Sendable, Equatable {
    public var port: Int
    public var endPort: Int?
    public var proto: PortProtocol

    public init(_ port: Int, endPort: Int? = nil, proto: PortProtocol = .tcp) {
        self.port = port
        self.endPort = endPort
        self.proto = proto
    }
}
