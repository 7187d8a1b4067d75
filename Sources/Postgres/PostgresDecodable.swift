import Foundation

/// A Swift type that a result value can be decoded into.
///
/// Values arrive in PostgreSQL's text format (the session is set to ISO dates, UTC and hex
/// `bytea`); `decode` returns nil when the text or the column type does not fit, and the row
/// turns that into an error naming the column.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value of the column type `typeOID`, or nil when it does not fit.
    static func decode(_ text: String, typeOID: UInt32) -> Self?
    /// The value for SQL NULL, or nil when the type cannot hold NULL.
    static var nullValue: Self? { get }
}

extension PostgresDecodable {
    public static var nullValue: Self? { nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    @inlinable
    public static func decode(_ text: String, typeOID: UInt32) -> Wrapped?? {
        Wrapped.decode(text, typeOID: typeOID).map { .some($0) }
    }
    @inlinable
    public static var nullValue: Wrapped?? { .some(nil) }
}

extension String: PostgresDecodable {
    /// Every column decodes as its text form.
    public static func decode(_ text: String, typeOID: UInt32) -> String? { text }
}

extension Int: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Int? {
        PostgresType.integers.contains(typeOID) ? Int(text) : nil
    }
}

extension Int64: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Int64? {
        PostgresType.integers.contains(typeOID) ? Int64(text) : nil
    }
}

extension Int32: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Int32? {
        PostgresType.integers.contains(typeOID) ? Int32(text) : nil
    }
}

extension Bool: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Bool? {
        guard typeOID == PostgresType.bool else { return nil }
        switch text {
        case "t": return true
        case "f": return false
        default: return nil
        }
    }
}

extension Double: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Double? {
        guard [PostgresType.float4, PostgresType.float8, PostgresType.numeric].contains(typeOID)
            || PostgresType.integers.contains(typeOID)
        else { return nil }
        switch text {
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }
}

extension Decimal: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> Decimal? {
        guard typeOID == PostgresType.numeric || PostgresType.integers.contains(typeOID) else { return nil }
        if text == "NaN" { return .nan }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension UUID: PostgresDecodable {
    public static func decode(_ text: String, typeOID: UInt32) -> UUID? {
        typeOID == PostgresType.uuid ? HexText.decodeUUID(text) : nil
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` (and `timestamp`, read as UTC).
    public static func decode(_ text: String, typeOID: UInt32) -> Date? {
        guard typeOID == PostgresType.timestamptz || typeOID == PostgresType.timestamp else { return nil }
        return TimestampText.parse(text)
    }
}

extension Data: PostgresDecodable {
    /// `bytea` in hex output format (`\x0aff…`).
    public static func decode(_ text: String, typeOID: UInt32) -> Data? {
        guard typeOID == PostgresType.bytea else { return nil }
        return HexText.decodeBytea(text)
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    /// A one-dimensional array without NULL elements.
    public static func decode(_ text: String, typeOID: UInt32) -> [Element]? {
        guard typeOID == Element.arrayTypeOID || (Element.self == String.self && typeOID == PostgresType.varcharArray),
              let items = ArrayText.parse(text)
        else { return nil }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let item, let element = Element.decodeArrayElement(item) else { return nil }
            result.append(element)
        }
        return result
    }
}
