import Foundation
import JSON

extension KubeClient {
    /// Sends a call with rate limiting, auth, retries and error mapping; returns a 2xx response.
    func send(_ call: APICall) async throws(KubeError) -> TransportResponse {
        record(call)
        let start = ContinuousClock.now
        var attempt = 0
        var reauthenticated = false
        while true {
            try await limiter.acquire()
            let request = try await transportRequest(call, timeout: configuration.timeout)
            switch await loop.perform(request) {
            case .success(let response):
                let status = response.head.status
                if status == 401, !reauthenticated, credentials.invalidate() {
                    reauthenticated = true
                    continue
                }
                if let delay = retryDelay(call, status: status, headers: response.head.headers, attempt: attempt) {
                    attempt += 1
                    try await sleep(delay)
                    continue
                }
                observe(call, code: status, start: start)
                if (200..<300).contains(status) { return response }
                throw Self.error(status: status, body: response.body)
            case .failure(let failure):
                if failure.retryable, call.isIdempotent, attempt < configuration.maxRetries {
                    try await sleep(backoff(attempt))
                    attempt += 1
                    continue
                }
                observe(call, code: nil, start: start)
                throw failure.error
            }
        }
    }

    /// Sends a call and parses the JSON answer.
    func sendJSON(_ call: APICall) async throws(KubeError) -> JSONValue {
        let response = try await send(call)
        do { return try JSONParser.parse(response.body, depthPolicy: .replaceWithMarker) } catch {
            throw .decoding("\(call.method) \(call.path): \(error.description)")
        }
    }

    func transportRequest(_ call: APICall, timeout: Duration?) async throws(KubeError) -> TransportRequest {
        let auth = try await credentials.material()
        var headers: [(String, String)] = [("Accept", "application/json")]
        if let a = auth.authorization { headers.append(("Authorization", a)) }
        if let ct = call.contentType { headers.append(("Content-Type", ct)) }
        var tls = configuration.tls
        if let cert = auth.clientCertificatePEM, let key = auth.clientKeyPEM {
            tls.clientCertificatePEM = cert
            tls.clientKeyPEM = key
        }
        return TransportRequest(method: call.method, url: try call.url(base: base), headers: headers, body: call.body,
                                tls: tls, timeout: timeout, userAgent: configuration.userAgent)
    }

    /// 429 is retried for every method (the server rejected it before doing anything);
    /// 503 only for idempotent methods.
    func retryDelay(_ call: APICall, status: Int, headers: [String: String], attempt: Int) -> Duration? {
        guard attempt < configuration.maxRetries else { return nil }
        guard status == 429 || (status == 503 && call.isIdempotent) else { return nil }
        if let ra = headers["retry-after"], let seconds = Int(ra.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return .seconds(min(seconds, 60))
        }
        return backoff(attempt)
    }

    /// Exponential backoff from retryBaseDelay, capped at 10 s, with up to 20% jitter.
    func backoff(_ attempt: Int) -> Duration {
        let base = configuration.retryBaseDelay * (1 << min(attempt, 16))
        let capped = min(base, .seconds(10))
        return capped + capped * Double.random(in: 0..<0.2)
    }

    func sleep(_ d: Duration) async throws(KubeError) {
        do { try await Task.sleep(for: d) } catch { throw .cancelled }
    }

    func record(_ call: APICall) {
        guard let recorder = configuration.recorder, let gvr = call.gvr else { return }
        recorder.record(RecordedRequest(verb: call.verb, group: gvr.group, resource: gvr.resource, subresource: call.subresource))
    }

    func observe(_ call: APICall, code: Int?, start: ContinuousClock.Instant) {
        guard let observer = configuration.observer else { return }
        observer(RequestMetrics(verb: call.verb, group: call.gvr?.group ?? "", resource: call.gvr?.resource ?? "",
                                subresource: call.subresource, code: code, latency: ContinuousClock.now - start,
                                method: call.method, host: configuration.server.host ?? ""))
    }

    /// The typed error of a failed response: its Status object, or one made from the HTTP code.
    static func error(status: Int, body: Data) -> KubeError {
        var apiStatus: APIStatus
        if let v = try? JSONParser.parse(body), let s = APIStatus(v) {
            apiStatus = s
            if apiStatus.code == 0 { apiStatus.code = status }
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            apiStatus = APIStatus(message: text.isEmpty ? "HTTP \(status)" : text, reason: reason(for: status), code: status)
        }
        if apiStatus.code == 410 { return .resourceVersionExpired(apiStatus.message ?? "410 Gone") }
        return .status(apiStatus)
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 400: return "BadRequest"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 405: return "MethodNotAllowed"
        case 409: return "Conflict"
        case 410: return "Expired"
        case 415: return "UnsupportedMediaType"
        case 422: return "Invalid"
        case 429: return "TooManyRequests"
        case 500: return "InternalError"
        case 503: return "ServiceUnavailable"
        case 504: return "Timeout"
        default: return "Unknown"
        }
    }
}
