import Foundation
import JSON

/// A structured logger. Libraries take one and derive children with `with(_:)`;
/// they never make their own.
public struct Logger: Sendable {
    public var level: LogLevel
    public var format: LogFormat
    public let sink: any LogSink
    /// Fields every line of this logger carries (e.g. controller=..., key=...).
    public private(set) var fields: LogFields

    public init(level: LogLevel = .info, format: LogFormat = .logfmt, sink: any LogSink = StandardErrorLogSink(),
                fields: LogFields = LogFields()) {
        self.level = level
        self.format = format
        self.sink = sink
        self.fields = fields
    }

    /// A logger that writes nothing.
    public static var disabled: Logger { Logger(level: .error, sink: NullLogSink()) }

    /// A child logger whose lines also carry `more`.
    public func with(_ more: LogFields) -> Logger {
        var l = self
        l.fields = fields + more
        return l
    }

    public func debug(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> LogFields = LogFields()) {
        log(.debug, message(), extra())
    }
    public func info(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> LogFields = LogFields()) {
        log(.info, message(), extra())
    }
    public func warning(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> LogFields = LogFields()) {
        log(.warning, message(), extra())
    }
    public func error(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> LogFields = LogFields()) {
        log(.error, message(), extra())
    }

    public func log(_ lineLevel: LogLevel, _ message: @autoclosure () -> String,
                    _ extra: @autoclosure () -> LogFields = LogFields()) {
        guard lineLevel >= level else { return }
        let line = LogLineFormatter.format(format, time: Date(), level: lineLevel, message: message(),
                                           fields: fields.pairs + extra().pairs)
        sink.write(line)
    }
}
