/// L4 port syntax shared by Rule mode and the Cilium validator.
enum PortSyntax {
    static let maxPort: Int64 = 65535
    /// Cilium's limit per toPorts entry (rule_validation.go, maxPorts).
    static let maxPortsPerRule = 40
    /// The protocol enum of the Cilium schema for toPorts.ports.protocol.
    static let protocols = ["TCP", "UDP", "SCTP", "ANY"]

    /// A port string Cilium accepts: a number 0-65535 or an IANA service name
    /// ("http", "http-8080": letters, digits and single inner hyphens, one letter at least).
    static func portStringProblem(_ s: String) -> String? {
        if !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard s.utf8.count <= 5, let v = Int64(s), v <= maxPort else {
                return "port \(s) is out of range 0-65535; use a port between 0 and 65535"
            }
            return nil
        }
        let bytes = Array(s.utf8)
        let hasLetter = bytes.contains { LabelSyntax.isAlnum($0) && !($0 >= 48 && $0 <= 57) }
        let valid = !bytes.isEmpty && bytes.count <= 15 && hasLetter
            && bytes.allSatisfy { LabelSyntax.isAlnum($0) || $0 == UInt8(ascii: "-") }
            && bytes.first != UInt8(ascii: "-") && bytes.last != UInt8(ascii: "-")
            && !s.contains("--")
        return valid ? nil : "\"\(s)\" is neither a port number (0-65535) nor a port name such as \"http\""
    }

    static func isNumeric(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
