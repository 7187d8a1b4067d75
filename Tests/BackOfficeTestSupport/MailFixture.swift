import Foundation

/// The `.eml` files under `Tests/Fixtures/mail/`, with their `{{PLACEHOLDERS}}` filled in
/// (`DESK`, `MESSAGE_ID`, `REF`, `IN_REPLY_TO`, `FROM`): each test makes its own values.
public enum MailFixture {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/mail")

    public static func bytes(_ name: String, _ values: [String: String] = [:]) throws -> [UInt8] {
        var data = try Data(contentsOf: directory.appendingPathComponent(name))
        for (key, value) in values.merging(["DESK": "tuki@pohde.example", "MESSAGE_ID": "\(UUID().uuidString)@example.fi"], uniquingKeysWith: { a, _ in a }) {
            data = data.replacing(Data("{{\(key)}}".utf8), with: Data(value.utf8))
        }
        return [UInt8](data)
    }
}
