import CYaml
import JSON

/// One non-empty document of a stream, with where it starts.
struct ParsedDocument {
    let value: JSONValue
    let index: Int
    let start: SourceMark
}

/// Drives libyaml's event parser over a whole stream and hands the events to a
/// `DocumentBuilder` per document.
enum StreamParser {
    /// Documents whose value is null (empty ones, a trailing `---`, a lone `~`)
    /// are left out, as kubectl leaves them out.
    static func parse(_ input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> [ParsedDocument] {
        guard let base = input.baseAddress, !input.isEmpty else { return [] }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(message: "libyaml could not allocate a parser", line: 1, column: 1, documentIndex: 0)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var documents: [ParsedDocument] = []
        var documentIndex = 0
        var documentStart = SourceMark(line: 1, column: 1)
        var builder = DocumentBuilder(documentIndex: 0)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                throw libyamlError(parser.pointee, input: input, documentIndex: documentIndex)
            }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            switch e.type {
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                try builder.scalar(
                    text: UnsafeBufferPointer(start: s.value, count: s.length),
                    tag: s.tag.map { String(cString: $0) },
                    plainImplicit: s.plain_implicit != 0,
                    anchor: s.anchor.map { String(cString: $0) },
                    mark: SourceMark(e.start_mark))
            case YAML_SEQUENCE_START_EVENT:
                try builder.startCollection(
                    isMapping: false, anchor: e.data.sequence_start.anchor.map { String(cString: $0) },
                    mark: SourceMark(e.start_mark))
            case YAML_MAPPING_START_EVENT:
                try builder.startCollection(
                    isMapping: true, anchor: e.data.mapping_start.anchor.map { String(cString: $0) },
                    mark: SourceMark(e.start_mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection()
            case YAML_ALIAS_EVENT:
                let name = e.data.alias.anchor.map { String(cString: $0) } ?? ""
                try builder.alias(name, mark: SourceMark(e.start_mark))
            case YAML_DOCUMENT_START_EVENT:
                builder = DocumentBuilder(documentIndex: documentIndex)
                documentStart = SourceMark(e.start_mark)
            case YAML_DOCUMENT_END_EVENT:
                let value = builder.value
                if !value.isNull { documents.append(ParsedDocument(value: value, index: documentIndex, start: documentStart)) }
                documentIndex += 1
            case YAML_STREAM_END_EVENT:
                return documents
            default:
                break
            }
        }
    }

    /// libyaml's problem and context, at its problem mark (reader errors carry a byte offset instead).
    private static func libyamlError(_ p: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, documentIndex: Int) -> YAMLError {
        var message = p.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        let mark: SourceMark
        switch p.error {
        case YAML_MEMORY_ERROR:
            message = "out of memory while parsing"
            mark = SourceMark(p.mark)
        case YAML_READER_ERROR:
            if p.problem_value != -1 { message += " (byte 0x\(String(p.problem_value, radix: 16, uppercase: true)))" }
            mark = position(ofByte: p.problem_offset, in: input)
        default:
            mark = SourceMark(p.problem_mark)
            let at = SourceMark(p.context_mark)
            // The context repeats the position when it is the same place ("while scanning for the next token").
            if let context = p.context, at != mark {
                message += " (\(String(cString: context)) at line \(at.line), column \(at.column))"
            }
        }
        return YAMLError(message: message, line: mark.line, column: mark.column, documentIndex: documentIndex)
    }

    /// Line and column of a byte offset; only for reader errors, which have no mark.
    private static func position(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>) -> SourceMark {
        let end = min(max(offset, 0), input.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where input[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return SourceMark(line: line, column: end - lineStart + 1)
    }
}
