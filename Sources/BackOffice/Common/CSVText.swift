import Foundation

/// Comma-separated values (RFC 4180): a field with a comma, quote or line break in quotes,
/// its quotes doubled.
public enum CSVText {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record's fields as a line, without its line break.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }
}
