import Foundation

/// A type that can be an element of a one-dimensional array parameter or result.
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The OID of the array type (`text[]`, `uuid[]`, …).
    static var arrayTypeOID: UInt32 { get }
    /// The element's text form inside an array literal.
    func arrayElementText() throws(PostgresError) -> String
    /// Decodes one element from its text form.
    static func decodeArrayElement(_ text: String) -> Self?
}

extension String: PostgresArrayElement {
    public static var arrayTypeOID: UInt32 { PostgresType.textArray }
    public func arrayElementText() throws(PostgresError) -> String {
        _ = try PostgresBind.text(self, typeOID: PostgresType.text)
        return self
    }
    public static func decodeArrayElement(_ text: String) -> String? { text }
}

extension UUID: PostgresArrayElement {
    public static var arrayTypeOID: UInt32 { PostgresType.uuidArray }
    public func arrayElementText() throws(PostgresError) -> String { uuidString.lowercased() }
    public static func decodeArrayElement(_ text: String) -> UUID? { HexText.decodeUUID(text) }
}

extension Int: PostgresArrayElement {
    public static var arrayTypeOID: UInt32 { PostgresType.int8Array }
    public func arrayElementText() throws(PostgresError) -> String { String(self) }
    public static func decodeArrayElement(_ text: String) -> Int? { Int(text) }
}
