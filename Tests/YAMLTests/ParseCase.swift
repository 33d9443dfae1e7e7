import JSON
import Testing

/// One input and the value it must parse to, named for the test report.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: JSONValue

    init(_ name: String, _ yaml: String, _ expected: JSONValue) {
        self.name = name
        self.yaml = yaml
        self.expected = expected
    }

    var testDescription: String { name }
}

/// One scalar as written after `v: ` and what it resolves to.
struct ScalarCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: JSONValue

    init(_ text: String, _ expected: JSONValue) {
        self.text = text
        self.expected = expected
    }

    var testDescription: String { "v: \(text)" }
}

/// One malformed input and where its error must point.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int
    let column: Int
    let documentIndex: Int
    let messageContains: String

    init(_ name: String, _ yaml: String, line: Int, column: Int, document: Int = 0, _ messageContains: String) {
        self.name = name
        self.yaml = yaml
        self.line = line
        self.column = column
        self.documentIndex = document
        self.messageContains = messageContains
    }

    var testDescription: String { name }
}
