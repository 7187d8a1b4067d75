import BackOfficeHTTP
import Logging

/// How the server logs: `LOG_FORMAT` `text` (default, swift-log's own lines) or `json` (one
/// JSON object a line, for a log collector), and `LOG_LEVEL` (`trace` … `critical`, default `info`).
struct LogSettings {
    let level: Logger.Level
    let json: Bool

    init(_ environment: [String: String]) throws {
        switch environment["LOG_LEVEL"] {
        case nil: level = .info
        case let given?:
            guard let level = Logger.Level(rawValue: given) else {
                throw CommandFailure.failed("LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.level = level
        }
        switch environment["LOG_FORMAT"] ?? "text" {
        case "text": json = false
        case "json": json = true
        default: throw CommandFailure.failed("LOG_FORMAT must be json or text")
        }
    }

    /// Makes every logger of the process write this way; once per process.
    func bootstrap() {
        let level = level
        if json {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
