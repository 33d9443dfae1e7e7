import Foundation
import JSON

/// YAML to and from `JSONValue`, reading manifests the way kubectl does
/// (sigs.k8s.io/yaml: go-yaml v2, YAML 1.1 resolution, then JSON).
public enum YAML {
    /// Every document of a multi-document stream; empty documents (e.g. a trailing `---`) are skipped as kubectl skips them.
    public static func parseAll(_ text: String) throws(YAMLError) -> [JSONValue] {
        try documents(text).map(\.value)
    }

    /// Every document of a multi-document stream (UTF-8, or UTF-16 with a BOM); empty documents are skipped.
    public static func parseAll(_ data: Data) throws(YAMLError) -> [JSONValue] {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(YAMLError) in try StreamParser.parse(raw.assumingMemoryBound(to: UInt8.self)) }
        }
        return try result.get().map(\.value)
    }

    /// Exactly one document (an empty stream gives .null); more than one is an error.
    public static func parse(_ text: String) throws(YAMLError) -> JSONValue {
        let docs = try documents(text)
        if docs.count > 1 {
            let second = docs[1]
            throw YAMLError(
                message: "expected a single document but found \(docs.count); use parseAll for multi-document streams",
                line: second.start.line, column: second.start.column, documentIndex: second.index)
        }
        return docs.first?.value ?? .null
    }

    /// One document, block style, ending with "\n"; long values stay on one line.
    public static func emit(_ value: JSONValue) -> String {
        var emitter = BlockEmitter()
        emitter.document(value)
        return emitter.text
    }

    /// As `emit`, with long values folded at 80 columns the way `kubectl -o yaml` folds
    /// them, so that the text is byte for byte what kubectl prints for the same value.
    public static func emit(_ value: JSONValue, foldingLongLines: Bool) -> String {
        var emitter = BlockEmitter(foldsLongLines: foldingLongLines)
        emitter.document(value)
        return emitter.text
    }

    /// Documents separated by "---\n".
    public static func emitAll(_ documents: [JSONValue]) -> String {
        var emitter = BlockEmitter()
        for (i, document) in documents.enumerated() {
            if i > 0 { emitter.separator() }
            emitter.document(document)
        }
        return emitter.text
    }

    private static func documents(_ text: String) throws(YAMLError) -> [ParsedDocument] {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLError) in try StreamParser.parse(bytes) }
        }
        return try result.get()
    }
}
