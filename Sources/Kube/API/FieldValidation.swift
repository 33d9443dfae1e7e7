/// How the server checks fields it does not know (fieldValidation).
public enum FieldValidation: String, Sendable, Hashable {
    case ignore = "Ignore", warn = "Warn", strict = "Strict"
}
