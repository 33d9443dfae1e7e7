/// Options of create, update and patch.
public struct WriteOptions: Sendable, Hashable {
    public var dryRun = false
    public var fieldManager: String?
    public var fieldValidation: FieldValidation?

    public init(dryRun: Bool = false, fieldManager: String? = nil, fieldValidation: FieldValidation? = nil) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.fieldValidation = fieldValidation
    }

    var query: [(String, String)] {
        var q: [(String, String)] = []
        if dryRun { q.append(("dryRun", "All")) }
        if let fieldManager { q.append(("fieldManager", fieldManager)) }
        if let fieldValidation { q.append(("fieldValidation", fieldValidation.rawValue)) }
        return q
    }
}
