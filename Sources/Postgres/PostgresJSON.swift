import Foundation

/// A `Codable` value stored as `json` or `jsonb`.
public struct PostgresJSON<Value: Codable & Sendable>: Sendable, PostgresEncodable, PostgresDecodable {
    public var value: Value

    public init(_ value: Value) { self.value = value }

    /// Sent as `unknown` text, so it fits a `json` or a `jsonb` column alike.
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        let data: Data
        do {
            data = try JSONEncoder.postgres.encode(value)
        } catch {
            throw PostgresError(.invalidParameter, "a JSON parameter could not be encoded: \(error)")
        }
        return PostgresBind(typeOID: PostgresType.unknown, bytes: Array(data))
    }

    public static func decode(_ text: String, typeOID: UInt32) -> PostgresJSON? {
        guard typeOID == PostgresType.json || typeOID == PostgresType.jsonb,
              let value = try? JSONDecoder.postgres.decode(Value.self, from: Data(text.utf8))
        else { return nil }
        return PostgresJSON(value)
    }
}

extension PostgresJSON: Equatable where Value: Equatable {}

extension JSONEncoder {
    /// Keys sorted so equal values encode alike; dates in ISO 8601.
    static var postgres: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var postgres: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
