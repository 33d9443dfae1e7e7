import JSON
import TestSupport

/// Cilium's CiliumNetworkPolicy CRD, wrapped from ../shared/reference at test time.
enum CiliumSchema {
    static func crd() throws -> JSONValue { try CiliumCRDs.ciliumNetworkPolicy() }
}
