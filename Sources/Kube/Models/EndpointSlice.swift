/// discovery.k8s.io/v1 EndpointSlice (Hubble metrics discovery).
public struct EndpointSlice: KubeObject, Hashable {
    public static let apiVersion = "discovery.k8s.io/v1"
    public static let kind = "EndpointSlice"
    public static let resource = GroupVersionResource.endpointSlices
    public var metadata: ObjectMeta
    /// "IPv4", "IPv6" or "FQDN".
    public var addressType: String
    public var endpoints: [Endpoint]?
    public var ports: [Port]?

    public struct Endpoint: Codable, Sendable, Hashable {
        public var addresses: [String]
        public var conditions: Conditions?
        public var hostname: String?
        public var nodeName: String?
        public var targetRef: ObjectReference?
        public init(addresses: [String], conditions: Conditions? = nil, nodeName: String? = nil, targetRef: ObjectReference? = nil) {
            self.addresses = addresses
            self.conditions = conditions
            self.nodeName = nodeName
            self.targetRef = targetRef
        }
    }

    public struct Conditions: Codable, Sendable, Hashable {
        public var ready: Bool?
        public var serving: Bool?
        public var terminating: Bool?
        public init(ready: Bool? = nil, serving: Bool? = nil, terminating: Bool? = nil) {
            self.ready = ready
            self.serving = serving
            self.terminating = terminating
        }
    }

    public struct Port: Codable, Sendable, Hashable {
        public var name: String?
        public var port: Int?
        public var `protocol`: String?
        public var appProtocol: String?
        public init(name: String? = nil, port: Int? = nil, protocol: String? = nil) {
            self.name = name
            self.port = port
            self.protocol = `protocol`
        }
    }

    public init(metadata: ObjectMeta, addressType: String, endpoints: [Endpoint]? = nil, ports: [Port]? = nil) {
        self.metadata = metadata
        self.addressType = addressType
        self.endpoints = endpoints
        self.ports = ports
    }
}
