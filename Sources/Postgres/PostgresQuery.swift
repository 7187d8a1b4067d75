/// A statement and its bound parameters.
///
/// Written as a string literal; every interpolated value becomes a `$n` parameter, never SQL
/// text, so values cannot change the statement:
///
///     let rows = try await transaction.query("SELECT name FROM organisations WHERE code = \(code)")
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement with `$1`, `$2`, … in place of the values.
    public private(set) var sql: String
    public private(set) var binds: [PostgresBind]
    /// The first value that could not be encoded; the query refuses to run while it is set.
    public private(set) var encodingError: PostgresError?

    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    /// A statement written with `$1`, `$2`, … and the values for them, in order.
    public init(_ sql: String, parameters: [any PostgresEncodable]) {
        var interpolation = StringInterpolation(literalCapacity: sql.utf8.count, interpolationCount: parameters.count)
        for parameter in parameters { interpolation.bind(parameter) }
        self.sql = sql
        binds = interpolation.binds
        encodingError = interpolation.encodingError
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
        encodingError = stringInterpolation.encodingError
    }

    /// Appends `fragment` (its own `$1`, `$2`, … renumbered after this query's parameters),
    /// so that a statement can be put together from fixed pieces chosen in code:
    ///
    ///     var query: PostgresQuery = "SELECT id FROM tickets WHERE org_id = \(org)"
    ///     if let status { query.append(" AND status = \(status)") }
    public mutating func append(_ fragment: PostgresQuery) {
        sql += Self.renumbered(fragment.sql, after: binds.count)
        binds += fragment.binds
        encodingError = encodingError ?? fragment.encodingError
    }

    /// `sql` with every placeholder `$n` outside quotes turned into `$(n + offset)`. Read as
    /// UTF-8 bytes (quotes, `$` and digits are ASCII, never part of another character's
    /// bytes), and not at all when there is no `$`: a queue's statement appends the long
    /// select list of tickets, and reading it character by character was a measured cost.
    private static func renumbered(_ sql: String, after offset: Int) -> String {
        guard offset > 0, sql.utf8.contains(UInt8(ascii: "$")) else { return sql }
        let bytes = Array(sql.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "$") {
                let digits = bytes[(index + 1)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                if let number = Int(String(decoding: digits, as: UTF8.self)) {
                    result += "$\(number + offset)".utf8
                    index = digits.endIndex
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The statement text (never the values, which may be personal data).
    public var description: String { sql }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresBind] = []
        var encodingError: PostgresError?

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value`, or NULL, as the next parameter.
        public mutating func appendInterpolation<Wrapped: PostgresEncodable>(_ value: Wrapped?) {
            bind(value)
            sql += "$\(binds.count)"
        }

        /// Binds `value` as the next parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bind(value)
            sql += "$\(binds.count)"
        }

        /// Adds `value` to the parameters without writing its placeholder.
        mutating func bind(_ value: some PostgresEncodable) {
            switch Result(catching: { () throws(PostgresError) in try value.postgresBind() }) {
            case .success(let bind):
                binds.append(bind)
            case .failure(var error):
                binds.append(.null())
                if encodingError == nil {
                    error.message = "parameter $\(binds.count): \(error.message)"
                    encodingError = error
                }
            }
        }
    }
}
