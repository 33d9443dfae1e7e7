import Foundation

extension DevCluster {
    /// A kubeconfig (YAML) with the CA data and the bearer token; call after `start()`.
    public func kubeconfig(contextName: String = "dev-cluster") -> String {
        let e = endpoint
        let ca = Data((e?.caPEM ?? "").utf8).base64EncodedString()
        let server = e?.url ?? "https://\(options.host):\(options.port)"
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: \(contextName)
              cluster:
                server: \(server)
                certificate-authority-data: \(ca)
            contexts:
            - name: \(contextName)
              context:
                cluster: \(contextName)
                user: \(contextName)
                namespace: default
            current-context: \(contextName)
            users:
            - name: \(contextName)
              user:
                token: \(token)

            """
    }

    /// Writes `kubeconfig()` to `path` (mode 0600: it holds a credential).
    public func writeKubeconfig(to path: String) throws {
        let data = Data(kubeconfig().utf8)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw DevClusterError.writeFailed(path: path, reason: "the file could not be created")
        }
    }
}
