import CYaml

/// A YAML document that could not be read: what is wrong and where.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in libyaml's or go-yaml's words where they have one.
    public let message: String
    /// 1-based line of the offending text.
    public let line: Int
    /// 1-based column of the offending text.
    public let column: Int
    /// 0-based index of the document in the stream (empty documents count too).
    public let documentIndex: Int

    public init(message: String, line: Int, column: Int, documentIndex: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.documentIndex = documentIndex
    }

    /// "yaml: document 1, line 3, column 5: ..." with the document numbered from 1, like lines.
    public var description: String {
        "yaml: document \(documentIndex + 1), line \(line), column \(column): \(message)"
    }
}

/// A position in the input, 1-based as shown to people.
struct SourceMark: Sendable, Equatable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// From libyaml's 0-based mark.
    init(_ mark: yaml_mark_t) {
        line = mark.line + 1
        column = mark.column + 1
    }
}
