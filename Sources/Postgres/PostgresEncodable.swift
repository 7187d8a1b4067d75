import Foundation

/// A Swift value that can be sent as a bound parameter.
public protocol PostgresEncodable: Sendable {
    /// The value as libpq sends it. Throws for values PostgreSQL cannot hold.
    func postgresBind() throws(PostgresError) -> PostgresBind
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        switch self {
        case .none: return .null()
        case .some(let value): return try value.postgresBind()
        }
    }
}

extension String: PostgresEncodable {
    /// Sent as `unknown`, so the server takes the type the statement needs (text, uuid, enum …).
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        try .text(self, typeOID: PostgresType.unknown)
    }
}

extension Substring: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind { try String(self).postgresBind() }
}

extension Int: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.int8, bytes: Array(String(self).utf8))
    }
}

extension Int64: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.int8, bytes: Array(String(self).utf8))
    }
}

extension Int32: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.int4, bytes: Array(String(self).utf8))
    }
}

extension Bool: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.bool, bytes: [self ? UInt8(ascii: "t") : UInt8(ascii: "f")])
    }
}

extension Double: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        let text: String
        if isNaN { text = "NaN" } else if isInfinite { text = self < 0 ? "-Infinity" : "Infinity" } else {
            text = String(self)
        }
        return PostgresBind(typeOID: PostgresType.float8, bytes: Array(text.utf8))
    }
}

extension Decimal: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        let text = isNaN ? "NaN" : description
        return PostgresBind(typeOID: PostgresType.numeric, bytes: Array(text.utf8))
    }
}

extension UUID: PostgresEncodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.uuid, bytes: Array(uuidString.lowercased().utf8))
    }
}

extension Date: PostgresEncodable {
    /// Sent as `timestamptz` in UTC with microseconds, PostgreSQL's own precision.
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.timestamptz, bytes: Array(TimestampText.format(self).utf8))
    }
}

extension Data: PostgresEncodable {
    /// Sent as `bytea` in binary format: the bytes as they are.
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        PostgresBind(typeOID: PostgresType.bytea, isBinary: true, bytes: Array(self))
    }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        var elements: [String] = []
        elements.reserveCapacity(count)
        for element in self { elements.append(try element.arrayElementText()) }
        return try .text(ArrayText.format(elements), typeOID: Element.arrayTypeOID)
    }
}
