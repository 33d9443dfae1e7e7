import Foundation
import JSON
import Synchronization

/// Runs an exec credential plugin, caches its ExecCredential until expirationTimestamp
/// and shares one run among concurrent callers.
final class ExecCredentialSource: Sendable {
    private struct Cached {
        var material: AuthMaterial
        var expires: Date?
    }

    private struct State {
        var cached: Cached?
        var inflight: Task<Result<Cached, KubeError>, Never>?
    }

    let config: ExecConfig
    let server: String
    let caPEM: Data?
    let insecure: Bool
    private let state = Mutex(State())

    init(config: ExecConfig, server: String, caPEM: Data?, insecure: Bool) {
        self.config = config
        self.server = server
        self.caPEM = caPEM
        self.insecure = insecure
    }

    func material() async throws(KubeError) -> AuthMaterial {
        enum Next {
            case cached(AuthMaterial)
            case wait(Task<Result<Cached, KubeError>, Never>)
        }
        let next: Next = state.withLock { s in
            // Refresh a little early so a request does not carry a token that expires in flight.
            if let c = s.cached, c.expires.map({ $0.timeIntervalSinceNow > 5 }) ?? true { return .cached(c.material) }
            if let t = s.inflight { return .wait(t) }
            let t = Task { [self] in
                let r = await run()
                state.withLock { s in
                    s.inflight = nil
                    if case .success(let c) = r { s.cached = c }
                }
                return r
            }
            s.inflight = t
            return .wait(t)
        }
        switch next {
        case .cached(let m): return m
        case .wait(let t): return try await t.value.get().material
        }
    }

    func invalidate() {
        state.withLock { $0.cached = nil }
    }

    private func execInfo() -> String {
        var spec: JSONValue = ["interactive": false]
        if config.provideClusterInfo {
            var cluster: JSONValue = ["server": .string(server), "insecure-skip-tls-verify": .bool(insecure)]
            if let caPEM { cluster["certificate-authority-data"] = .string(caPEM.base64EncodedString()) }
            spec["cluster"] = cluster
        }
        let info: JSONValue = ["apiVersion": .string(config.apiVersion), "kind": "ExecCredential", "spec": spec]
        return JSONWriter.string(info)
    }

    private func run() async -> Result<Cached, KubeError> {
        let config = self.config
        let info = execInfo()
        let output: Result<Data, KubeError> = await withCheckedContinuation { c in
            DispatchQueue.global().async {
                c.resume(returning: Self.runProcess(config, execInfo: info))
            }
        }
        switch output {
        case .failure(let e): return .failure(e)
        case .success(let data): return Self.parse(data, config: config)
        }
    }

    private static func runProcess(_ config: ExecConfig, execInfo: String) -> Result<Data, KubeError> {
        let p = Process()
        if config.command.contains("/") {
            p.executableURL = URL(fileURLWithPath: config.command)
            p.arguments = config.args
        } else {
            // Let env find the command in PATH, as kubectl does.
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [config.command] + config.args
        }
        var env = ProcessInfo.processInfo.environment
        for e in config.env { env[e.name] = e.value }
        env["KUBERNETES_EXEC_INFO"] = execInfo
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        // stderr passes through to ours, as kubectl does, so prompts and hints stay visible.
        do { try p.run() } catch {
            let hint = config.installHint.map { "\n\($0)" } ?? ""
            return .failure(.authentication("exec plugin \(config.command) could not start: \(error.localizedDescription)\(hint)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .failure(.authentication("exec plugin \(config.command) exited with status \(p.terminationStatus)"))
        }
        return .success(data)
    }

    private static func parse(_ data: Data, config: ExecConfig) -> Result<Cached, KubeError> {
        let v: JSONValue
        do { v = try JSONParser.parse(data) } catch {
            return .failure(.authentication("exec plugin \(config.command) printed invalid JSON: \(error.description)"))
        }
        guard v["kind"]?.stringValue == "ExecCredential" else {
            return .failure(.authentication("exec plugin \(config.command) did not print an ExecCredential"))
        }
        if let av = v["apiVersion"]?.stringValue, av != config.apiVersion {
            return .failure(.authentication("exec plugin \(config.command) answered with apiVersion \(av), expected \(config.apiVersion)"))
        }
        let status = v["status"]
        var m = AuthMaterial()
        if let t = status?["token"]?.stringValue, !t.isEmpty { m.authorization = "Bearer \(t)" }
        if let cert = status?["clientCertificateData"]?.stringValue, let key = status?["clientKeyData"]?.stringValue {
            m.clientCertificatePEM = Data(cert.utf8)
            m.clientKeyPEM = Data(key.utf8)
        }
        guard m.authorization != nil || m.clientCertificatePEM != nil else {
            return .failure(.authentication("exec plugin \(config.command): status has neither token nor clientCertificateData/clientKeyData"))
        }
        var expires: Date?
        if let ts = status?["expirationTimestamp"]?.stringValue {
            guard let d = RFC3339.parse(ts) else {
                return .failure(.authentication("exec plugin \(config.command): expirationTimestamp \"\(ts)\" is not RFC 3339"))
            }
            expires = d
        }
        return .success(Cached(material: m, expires: expires))
    }
}
