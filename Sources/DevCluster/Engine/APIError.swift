import JSON

/// One field-level problem inside a 422 Invalid answer, as kube-apiserver's `StatusCause`.
struct FieldCause: Sendable, Equatable {
    /// "FieldValueInvalid", "FieldValueRequired", "FieldValueNotSupported", "FieldValueTypeInvalid", ...
    var reason: String
    /// The message without the field path ("Required value", "Invalid value: 3: ...").
    var message: String
    /// The dotted path ("spec.rules[2].ports[0]").
    var field: String

    /// "spec.x: Required value", how kube-apiserver joins the two.
    var text: String { field.isEmpty ? message : "\(field): \(message)" }

    static func required(_ field: String) -> FieldCause {
        FieldCause(reason: "FieldValueRequired", message: "Required value", field: field)
    }

    static func invalid(_ field: String, _ value: JSONValue, _ detail: String) -> FieldCause {
        FieldCause(reason: "FieldValueInvalid", message: "Invalid value: \(APIError.render(value)): \(detail)", field: field)
    }

    static func forbidden(_ field: String, _ detail: String) -> FieldCause {
        FieldCause(reason: "FieldValueForbidden", message: "Forbidden: \(detail)", field: field)
    }
}

/// Every failure the API server reports, each mapping to one kube-apiserver `Status`.
enum APIError: Error, Sendable, Equatable {
    case notFound(resource: GroupResource, name: String)
    /// A path that names no resource: kube-apiserver's bare 404.
    case pathNotFound
    case alreadyExists(resource: GroupResource, name: String)
    case conflict(resource: GroupResource, name: String, detail: String)
    case invalid(kind: String, group: String, name: String, causes: [FieldCause])
    case badRequest(String)
    /// 422 without field causes (a JSON patch that cannot apply).
    case unprocessable(String)
    case forbidden(resource: GroupResource, name: String, detail: String, cause: FieldCause?)
    case methodNotAllowed(String)
    case unsupportedMediaType(String)
    case notAcceptable(String)
    /// 410 with reason Expired: a too-old resourceVersion or continue token.
    case expired(String)
    case tooLargeResourceVersion(requested: Int64, current: Int64)
    case unauthorized
    case tooManyRequests
    case internalError(String)
    case serviceUnavailable(String)

    var code: Int {
        switch self {
        case .notFound, .pathNotFound: 404
        case .alreadyExists, .conflict: 409
        case .invalid, .unprocessable: 422
        case .badRequest: 400
        case .forbidden: 403
        case .methodNotAllowed: 405
        case .unsupportedMediaType: 415
        case .notAcceptable: 406
        case .expired: 410
        case .tooLargeResourceVersion: 504
        case .unauthorized: 401
        case .tooManyRequests: 429
        case .internalError: 500
        case .serviceUnavailable: 503
        }
    }

    var reason: String {
        switch self {
        case .notFound, .pathNotFound: "NotFound"
        case .alreadyExists: "AlreadyExists"
        case .conflict: "Conflict"
        case .invalid, .unprocessable: "Invalid"
        case .badRequest: "BadRequest"
        case .forbidden: "Forbidden"
        case .methodNotAllowed: "MethodNotAllowed"
        case .unsupportedMediaType: "UnsupportedMediaType"
        case .notAcceptable: "NotAcceptable"
        case .expired: "Expired"
        case .tooLargeResourceVersion: "Timeout"
        case .unauthorized: "Unauthorized"
        case .tooManyRequests: "TooManyRequests"
        case .internalError: "InternalError"
        case .serviceUnavailable: "ServiceUnavailable"
        }
    }

    var message: String {
        switch self {
        case .notFound(let r, let n): "\(r) \"\(n)\" not found"
        case .pathNotFound: "the server could not find the requested resource"
        case .alreadyExists(let r, let n): "\(r) \"\(n)\" already exists"
        case .conflict(let r, let n, let d): "Operation cannot be fulfilled on \(r) \"\(n)\": \(d)"
        case .invalid(let kind, let group, let name, let causes):
            "\(group.isEmpty ? kind : "\(kind).\(group)") \"\(name)\" is invalid: "
                + (causes.count == 1 ? causes[0].text : "[" + causes.map(\.text).joined(separator: ", ") + "]")
        case .forbidden(let r, let n, let d, _): "\(r) \"\(n)\" is forbidden: \(d)"
        case .badRequest(let m), .unprocessable(let m), .methodNotAllowed(let m), .unsupportedMediaType(let m), .notAcceptable(let m),
            .expired(let m), .internalError(let m), .serviceUnavailable(let m):
            m
        case .tooLargeResourceVersion(let r, let c): "Too large resource version: \(r), current: \(c)"
        case .unauthorized: "Unauthorized"
        case .tooManyRequests: "Too many requests, please try again later."
        }
    }

    /// The `Status` object kube-apiserver sends for this error.
    var status: JSONValue {
        var s: JSONValue = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason),
        ]
        var details = JSONObject()
        switch self {
        case .notFound(let r, let n), .alreadyExists(let r, let n), .conflict(let r, let n, _):
            details["name"] = .string(n)
            if !r.group.isEmpty { details["group"] = .string(r.group) }
            details["kind"] = .string(r.resource)
        case .forbidden(let r, let n, _, let cause):
            details["name"] = .string(n)
            if !r.group.isEmpty { details["group"] = .string(r.group) }
            details["kind"] = .string(r.resource)
            if let c = cause { details["causes"] = [Self.causeJSON(c)] }
        case .invalid(let kind, let group, let name, let causes):
            details["name"] = .string(name)
            if !group.isEmpty { details["group"] = .string(group) }
            details["kind"] = .string(kind)
            details["causes"] = .array(causes.map(Self.causeJSON))
        case .pathNotFound:
            s["details"] = [:]
        case .tooLargeResourceVersion:
            details["causes"] = [["reason": "ResourceVersionTooLarge", "message": "Too large resource version"]]
            details["retryAfterSeconds"] = 1
        case .tooManyRequests, .serviceUnavailable:
            details["retryAfterSeconds"] = 1
        default: break
        }
        if !details.isEmpty { s["details"] = .object(details) }
        s["code"] = .int(Int64(code))
        return s
    }

    private static func causeJSON(_ c: FieldCause) -> JSONValue {
        ["reason": .string(c.reason), "message": .string(c.message), "field": .string(c.field)]
    }

    /// A value as Go's `%#v`-ish rendering in field errors: strings quoted, the rest as JSON.
    static func render(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): "\"\(s)\""
        case .object: "\"object\""
        case .array: "\"array\""
        default: JSONWriter.string(v)
        }
    }
}

/// "configmaps" or "widgets.example.com": how kube-apiserver names a resource in messages.
struct GroupResource: Sendable, Equatable, Hashable, CustomStringConvertible {
    var group: String
    var resource: String
    var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
