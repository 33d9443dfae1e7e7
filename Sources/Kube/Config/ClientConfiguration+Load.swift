import Foundation

extension ClientConfiguration {
    /// kubectl's lookup: an explicit file, else the files in KUBECONFIG (merged), else
    /// ~/.kube/config, else the in-cluster service account.
    public static func load(kubeconfigPath: String? = nil, context: String? = nil, namespace: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeConfigError) -> ClientConfiguration {
        if let path = kubeconfigPath, !path.isEmpty {
            return try KubeConfig.load(paths: [path], requireExisting: true).configuration(context: context, namespace: namespace)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            let paths = list.split(separator: ":").map(String.init)
            let config = try KubeConfig.load(paths: paths)
            guard !config.sourcePaths.isEmpty else { throw .noConfiguration("none of the files in KUBECONFIG=\(list) exists") }
            return try config.configuration(context: context, namespace: namespace)
        }
        if let home = environment["HOME"], FileManager.default.fileExists(atPath: home + "/.kube/config") {
            return try KubeConfig.load(paths: [home + "/.kube/config"]).configuration(context: context, namespace: namespace)
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil {
            var c = try inCluster(environment: environment)
            if let namespace { c.namespace = namespace }
            return c
        }
        throw .noConfiguration("set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account")
    }

    /// The pod's service account: KUBERNETES_SERVICE_HOST/PORT, its CA, its (rotating) token and namespace.
    public static func inCluster(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 serviceAccountDirectory: String = "/var/run/secrets/kubernetes.io/serviceaccount") throws(KubeConfigError) -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw .noConfiguration("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "https://\(hostPart):\(port)") else {
            throw .noConfiguration("KUBERNETES_SERVICE_HOST=\(host) KUBERNETES_SERVICE_PORT=\(port) do not form a URL")
        }
        let tokenPath = serviceAccountDirectory + "/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw .fileUnreadable(path: tokenPath, reason: "the service-account token is missing (automountServiceAccountToken: false?)")
        }
        var c = ClientConfiguration(server: url)
        let caPath = serviceAccountDirectory + "/ca.crt"
        do { c.certificateAuthorityPEM = try Data(contentsOf: URL(fileURLWithPath: caPath)) } catch {
            throw .fileUnreadable(path: caPath, reason: error.localizedDescription)
        }
        c.credentials = .tokenFile(path: tokenPath)
        if let ns = try? String(contentsOfFile: serviceAccountDirectory + "/namespace", encoding: .utf8) {
            let trimmed = ns.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { c.namespace = trimmed }
        }
        return c
    }
}
