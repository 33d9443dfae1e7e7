/// An exec credential plugin (client.authentication.k8s.io v1 / v1beta1), as in kubeconfig's `user.exec`.
public struct ExecConfig: Sendable, Hashable {
    public var command: String
    public var args: [String]
    public var env: [EnvVar]
    public var apiVersion: String
    public var installHint: String?
    public var provideClusterInfo: Bool

    public struct EnvVar: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(command: String, args: [String] = [], env: [EnvVar] = [],
                apiVersion: String = "client.authentication.k8s.io/v1", installHint: String? = nil,
                provideClusterInfo: Bool = false) {
        self.command = command
        self.args = args
        self.env = env
        self.apiVersion = apiVersion
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
    }
}
