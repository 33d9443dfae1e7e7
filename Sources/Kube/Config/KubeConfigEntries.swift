import Foundation
import JSON

/// Reads a kubeconfig field of an entry with the entry's location for messages.
struct KubeConfigFieldReader {
    let entry: KubeConfig.Entry
    let prefix: String

    init(_ entry: KubeConfig.Entry, list: String, inner: String) {
        self.entry = entry
        self.prefix = "\(list)[\(entry.index)].\(inner)"
    }

    func invalid(_ field: String, _ reason: String) -> KubeConfigError {
        .invalid(path: entry.sourcePath, field: "\(prefix).\(field)", reason: reason)
    }

    func string(_ key: String) throws(KubeConfigError) -> String? {
        guard let v = entry.value[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw invalid(key, "expected a string, got \(v.typeName)") }
        return s.isEmpty ? nil : s
    }

    func bool(_ key: String) throws(KubeConfigError) -> Bool {
        guard let v = entry.value[key], !v.isNull else { return false }
        if let b = v.boolValue { return b }
        if let s = v.stringValue, let b = Bool(s) { return b }
        throw invalid(key, "expected true or false, got \(v.typeName)")
    }

    /// `key-data` (base64) or the file named by `key` (relative to the kubeconfig's folder).
    func pem(_ key: String) throws(KubeConfigError) -> Data? {
        if let b64 = try string("\(key)-data") {
            guard let d = Data(base64Encoded: b64, options: .ignoreUnknownCharacters) else {
                throw invalid("\(key)-data", "not valid base64")
            }
            return d
        }
        guard let file = try string(key) else { return nil }
        let path = resolve(file)
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw invalid(key, "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// kubectl resolves relative paths against the folder of the file that names them.
    func resolve(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        if file.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + file.dropFirst(1)
        }
        let dir = (entry.sourcePath as NSString).deletingLastPathComponent
        return dir.isEmpty ? file : dir + "/" + file
    }
}

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
        c.tlsServerName = try r.string("tls-server-name")
        return c
    }
}

enum KubeConfigUser {
    static func apply(_ entry: KubeConfig.Entry, name: String, to c: inout ClientConfiguration) throws(KubeConfigError) {
        let r = KubeConfigFieldReader(entry, list: "users", inner: "user")
        let cert = try r.pem("client-certificate")
        let key = try r.pem("client-key")
        switch (cert, key) {
        case (let cert?, let key?):
            c.clientCertificatePEM = cert
            c.clientKeyPEM = key
        case (.some, nil): throw r.invalid("client-key", "client-certificate is set but client-key is missing")
        case (nil, .some): throw r.invalid("client-certificate", "client-key is set but client-certificate is missing")
        case (nil, nil): break
        }
        if let token = try r.string("token") {
            c.credentials = .bearerToken(token)
        } else if let file = try r.string("tokenFile") {
            c.credentials = .tokenFile(path: r.resolve(file))
        } else if let user = try r.string("username") {
            c.credentials = .basic(username: user, password: try r.string("password") ?? "")
        } else if let exec = entry.value["exec"], !exec.isNull {
            c.credentials = .exec(try execConfig(exec, r))
        } else if let ap = entry.value["auth-provider"], !ap.isNull {
            throw r.invalid("auth-provider", "auth providers were removed from kubectl; use an exec plugin (user.exec)")
        }
    }

    static func execConfig(_ v: JSONValue, _ r: KubeConfigFieldReader) throws(KubeConfigError) -> ExecConfig {
        guard case .object = v else { throw r.invalid("exec", "expected a mapping, got \(v.typeName)") }
        guard let command = v["command"]?.stringValue, !command.isEmpty else { throw r.invalid("exec.command", "required") }
        let apiVersion = v["apiVersion"]?.stringValue ?? ""
        guard ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"].contains(apiVersion) else {
            throw r.invalid("exec.apiVersion", "\"\(apiVersion)\" is not supported; use client.authentication.k8s.io/v1 or v1beta1")
        }
        var args: [String] = []
        for (i, a) in (v["args"]?.arrayValue ?? []).enumerated() {
            guard let s = a.stringValue else { throw r.invalid("exec.args[\(i)]", "expected a string, got \(a.typeName)") }
            args.append(s)
        }
        var env: [ExecConfig.EnvVar] = []
        for (i, e) in (v["env"]?.arrayValue ?? []).enumerated() {
            guard let n = e["name"]?.stringValue, let val = e["value"]?.stringValue else {
                throw r.invalid("exec.env[\(i)]", "needs string name and value")
            }
            env.append(.init(name: n, value: val))
        }
        // A bare command name is looked up in PATH; a relative path with a slash is relative to the kubeconfig.
        let cmd = command.contains("/") ? r.resolve(command) : command
        return ExecConfig(command: cmd, args: args, env: env, apiVersion: apiVersion,
                          installHint: v["installHint"]?.stringValue,
                          provideClusterInfo: v["provideClusterInfo"]?.boolValue ?? false)
    }
}
