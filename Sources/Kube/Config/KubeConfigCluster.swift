import Foundation

/// A kubeconfig cluster entry to server and TLS settings.
enum KubeConfigCluster {
    static func apply(_ entry: KubeConfig.Entry, name: String) throws(KubeConfigError) -> ClientConfiguration {
        let r = KubeConfigFieldReader(entry, list: "clusters", inner: "cluster")
        guard let server = try r.string("server") else { throw r.invalid("server", "required") }
        guard let url = URL(string: server), let scheme = url.scheme, scheme == "https" || scheme == "http", url.host != nil else {
            throw r.invalid("server", "\"\(server)\" is not an http(s) URL")
        }
        var c = ClientConfiguration(server: url)
        c.certificateAuthorityPEM = try r.pem("certificate-authority")
        c.insecureSkipTLSVerify = try r.bool("insecure-skip-tls-verify")
        if c.insecureSkipTLSVerify, c.certificateAuthorityPEM != nil {
            // kubectl refuses this combination too: the CA would silently be ignored.
            throw r.invalid("insecure-skip-tls-verify", "cannot be combined with certificate-authority(-data); remove one")
        }
        c.tlsServerName = try r.string("tls-server-name")
        return c
    }
}
