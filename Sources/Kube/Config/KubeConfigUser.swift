import Foundation
import JSON

/// A kubeconfig user entry to credentials and client certificates.
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
