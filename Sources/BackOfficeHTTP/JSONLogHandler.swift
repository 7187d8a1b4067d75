import Foundation
import Logging

/// A swift-log handler that writes each entry as one line of JSON to standard error: `time`,
/// `level`, `label`, `message`, then the metadata (Hummingbird's `hb.request.id` as `request_id`;
/// a metadata key that is one of the four, such as the store's `message`, as `metadata.<key>`).
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, given in given }
        var line = "{\"time\":\(JSON.quoted(Date.now.formatted(Self.timeStyle))),\"level\":\"\(event.level.rawValue)\""
        line += ",\"label\":\(JSON.quoted(label)),\"message\":\(JSON.quoted(event.message.description))"
        for key in merged.keys.sorted() {
            line += ",\(JSON.quoted(Self.name(of: key))):\(Self.json(merged[key]!))"
        }
        line += "}\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let ownKeys: Set<String> = ["time", "level", "label", "message"]

    private static func name(of key: String) -> String {
        if key == "hb.request.id" { return "request_id" }
        return ownKeys.contains(key) ? "metadata.\(key)" : key
    }

    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return JSON.quoted(text)
        case .stringConvertible(let number as any BinaryInteger): return "\(number)"
        case .stringConvertible(let number as Double) where number.isFinite: return "\(number)"
        case .stringConvertible(let other): return JSON.quoted(other.description)
        case .array(let values): return "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            return "{" + values.keys.sorted().map { "\(JSON.quoted($0)):\(json(values[$0]!))" }.joined(separator: ",") + "}"
        }
    }
}
