/// The entity names Cilium accepts in fromEntities / toEntities (schema enum).
enum CiliumEntity {
    static let all: [String] = [
        "all", "world", "cluster", "host", "init", "ingress", "unmanaged", "remote-node", "health", "none",
        "kube-apiserver",
    ]
    static let set: Set<String> = Set(all)

    static func problem(_ name: String) -> String? {
        if set.contains(name) { return nil }
        return "unknown entity \"\(name)\"; use one of \(all.joined(separator: ", "))"
    }
}
