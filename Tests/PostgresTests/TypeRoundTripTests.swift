import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Values round-trip through PostgreSQL")
struct TypeRoundTripTests {
    /// Sends `value` as a parameter, casts it to `type` on the server and reads it back.
    func roundTrip<T: PostgresEncodable & PostgresDecodable>(_ value: T, as type: String, on connection: Connection) async throws -> T {
        let query: PostgresQuery
        switch type {
        case "text": query = "SELECT \(value)::text AS v"
        case "int8": query = "SELECT \(value)::int8 AS v"
        case "int4": query = "SELECT \(value)::int4 AS v"
        case "bool": query = "SELECT \(value)::bool AS v"
        case "float8": query = "SELECT \(value)::float8 AS v"
        case "numeric": query = "SELECT \(value)::numeric AS v"
        case "uuid": query = "SELECT \(value)::uuid AS v"
        case "timestamptz": query = "SELECT \(value)::timestamptz AS v"
        case "date": query = "SELECT \(value)::date AS v"
        case "bytea": query = "SELECT \(value)::bytea AS v"
        case "text[]": query = "SELECT \(value)::text[] AS v"
        case "uuid[]": query = "SELECT \(value)::uuid[] AS v"
        case "jsonb": query = "SELECT \(value)::jsonb AS v"
        case "json": query = "SELECT \(value)::json AS v"
        default: Issue.record("no query for \(type)"); return value
        }
        return try await connection.query(query).single().decode(T.self, "v")
    }

    @Test func textWithFinnishLettersEmojiAndOneMegabyte() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            for text in ["", "Hyvää päivää, Åke! Öljyä ja äyriäisiä", "🩺 Omaolo 👩‍⚕️", "quote ' and \" and \\ and {braces}",
                         String(repeating: "äö€", count: 350_000)] {
                #expect(try await roundTrip(text, as: "text", on: connection) == text)
            }
        }
    }

    @Test func integersAtTheirLimits() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            for value in [Int.min, -1, 0, 42, Int.max] {
                #expect(try await roundTrip(value, as: "int8", on: connection) == value)
            }
            for value in [Int64.min, Int64.max] {
                #expect(try await roundTrip(value, as: "int8", on: connection) == value)
            }
            for value in [Int32.min, 0, Int32.max] {
                #expect(try await roundTrip(value, as: "int4", on: connection) == value)
            }
        }
    }

    @Test func booleansDoublesAndDecimals() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            #expect(try await roundTrip(true, as: "bool", on: connection) == true)
            #expect(try await roundTrip(false, as: "bool", on: connection) == false)
            for value in [0.0, -1.5, 0.1 + 0.2, Double.pi, 1e300, -Double.infinity, Double.infinity, Double.leastNonzeroMagnitude] {
                #expect(try await roundTrip(value, as: "float8", on: connection) == value)
            }
            #expect(try await roundTrip(Double.nan, as: "float8", on: connection).isNaN)
            for text in ["0", "-12.50", "123456789012345678901234567890.123456789", "0.000001"] {
                let value = Decimal(string: text)!
                #expect(try await roundTrip(value, as: "numeric", on: connection) == value)
            }
        }
    }

    @Test func uuidsDatesTimestampsAndBytes() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let id = UUID()
            #expect(try await roundTrip(id, as: "uuid", on: connection) == id)
            for seconds in [0.0, 1_764_000_000.123456, -86_400.5, 4_102_444_800.000001] {
                let date = Date(timeIntervalSince1970: seconds)
                let back = try await roundTrip(date, as: "timestamptz", on: connection)
                #expect(abs(back.timeIntervalSince1970 - seconds) < 0.000_001)
            }
            for day in [CalendarDate(year: 2026, month: 11, day: 24)!, CalendarDate(year: 2024, month: 2, day: 29)!,
                        CalendarDate(year: 1, month: 1, day: 1)!] {
                #expect(try await roundTrip(day, as: "date", on: connection) == day)
            }
            let bytes = Data((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }) + Data([0, 0, 255])
            #expect(try await roundTrip(bytes, as: "bytea", on: connection) == bytes)
            #expect(try await roundTrip(Data(), as: "bytea", on: connection) == Data())
        }
    }

    @Test func arraysAndJSON() async throws {
        struct Payload: Codable, Equatable, Sendable {
            var name: String
            var count: Int
            var tags: [String]
        }
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let texts = ["a", "b c", "", "NULL", "comma,brace}", "quote\"back\\slash", "äö 🩺"]
            #expect(try await roundTrip(texts, as: "text[]", on: connection) == texts)
            #expect(try await roundTrip([String](), as: "text[]", on: connection) == [])
            let ids = [UUID(), UUID()]
            #expect(try await roundTrip(ids, as: "uuid[]", on: connection) == ids)
            let payload = PostgresJSON(Payload(name: "Kempeleen terveysasema ä", count: 3, tags: ["x", "y"]))
            #expect(try await roundTrip(payload, as: "jsonb", on: connection) == payload)
            #expect(try await roundTrip(payload, as: "json", on: connection) == payload)
        }
    }

    @Test func nullsDecodeIntoOptionalsOnly() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let none: String? = nil
            let row = try await connection.query("SELECT \(none)::text AS t, \(Int?.none)::int8 AS i, \(UUID?.none)::uuid AS u").single()
            #expect(try row.decode(String?.self, "t") == nil)
            #expect(try row.decode(Int?.self, "i") == nil)
            #expect(try row.decode(UUID?.self, "u") == nil)
            #expect(row.isNull("t"))
            let error = #expect(throws: PostgresError.self) { try row.decode(String.self, "t") }
            #expect(error?.kind == .decoding)
            #expect(error?.message.contains(#"column "t" is NULL"#) == true)
            let some: Int? = 7
            #expect(try await connection.query("SELECT \(some)::int8 AS i").single().decode(Int?.self, "i") == 7)
        }
    }
}
