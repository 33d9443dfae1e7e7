import Foundation

/// Header fields in arrival order; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, String)...) {
        for (n, v) in elements { add(n, v) }
    }

    /// The first value of a header, nil when absent.
    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    public func values(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// ASCII case-insensitive comparison without allocating lowercased copies: header lookups
    /// happen several times per request.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)
        }
    }

    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    /// Replaces every value of `name` with one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name, value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}

/// One parsed request. `path` is percent-decoded and has no query; `query`
/// holds the decoded query parameters in order (repeated names allowed).
public struct HTTPRequest: Sendable {
    public var method: String
    public var path: String
    public var rawQuery: String
    public var query: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data
    /// "127.0.0.1:54321", for logs.
    public var remoteAddress: String
    /// Subject common name and organisations of a verified TLS client certificate, if any.
    public var clientCertificate: ClientCertificateIdentity?

    public init(method: String, path: String, rawQuery: String = "", query: [(name: String, value: String)] = [],
                headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), remoteAddress: String = "",
                clientCertificate: ClientCertificateIdentity? = nil) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.clientCertificate = clientCertificate
    }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}

public struct ClientCertificateIdentity: Sendable, Equatable {
    public var commonName: String
    public var organizations: [String]
    public init(commonName: String, organizations: [String]) {
        self.commonName = commonName
        self.organizations = organizations
    }
}

/// Writes chunks of a streaming response. `write` throws once the client has gone
/// (`HTTPServerError.clientDisconnected`) or the server is shutting down (`.shuttingDown`),
/// which is how a streaming handler learns to stop. Each write is sent as one chunk at once.
public protocol HTTPBodyWriter: Sendable {
    func write(_ data: Data) async throws
}

public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case data(Data)
        /// Sent with chunked transfer encoding; the response ends when the closure returns.
        case stream(@Sendable (any HTTPBodyWriter) async throws -> Void)
    }

    public var status: Int
    public var headers: HTTPHeaders
    public var body: Body

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Body = .data(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: Data) {
        self.init(status: status, headers: ["Content-Type": contentType], body: .data(body))
    }
}

/// What the server calls for each request.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse
