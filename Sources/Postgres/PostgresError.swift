/// An error from the database or from this library's use of it.
///
/// Server errors carry the SQLSTATE and the diagnostic fields libpq reports, so callers can map
/// them to their own errors (`.uniqueViolation` to a conflict, `.insufficientPrivilege` to a
/// refusal) without reading message text.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// Where the error came from.
    public enum Kind: String, Sendable, Equatable {
        /// The server refused or failed a statement; `sqlState` says why.
        case server
        /// The connection could not be opened, or broke while in use.
        case connection
        /// A parameter could not be sent (for example a string with a NUL byte).
        case invalidParameter
        /// A result value could not be decoded into the requested Swift type.
        case decoding
        /// No pooled connection became free within the lease timeout.
        case poolTimeout
        /// The pool has been shut down.
        case poolClosed
        /// libpq answered in a way this library does not expect.
        case protocolViolation
        /// The connection broke while `COMMIT` was under way: the transaction may or may not
        /// have been committed, and no one can tell from this side.
        case commitOutcomeUnknown
    }

    public var kind: Kind
    public var message: String
    public var sqlState: SQLState?
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    public var schema: String?

    public init(
        _ kind: Kind, _ message: String, sqlState: SQLState? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil,
        column: String? = nil, schema: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.schema = schema
    }

    /// True when the server could not be reached, went away, or refused work for now
    /// (connection failures, shutdown, too many connections, an exhausted or closed pool, a
    /// cancelled statement): the same request may succeed a little later.
    public var isUnavailability: Bool {
        switch kind {
        case .connection, .poolTimeout, .poolClosed, .protocolViolation, .commitOutcomeUnknown: return true
        case .invalidParameter, .decoding: return false
        case .server:
            guard let sqlState else { return true }
            return ["08", "53", "57"].contains(sqlState.errorClass)
        }
    }

    public var description: String {
        var text = sqlState.map { "\(message) (SQLSTATE \($0.rawValue))" } ?? message
        if let detail { text += "; detail: \(detail)" }
        if let hint { text += "; hint: \(hint)" }
        if let constraint { text += "; constraint: \(constraint)" }
        return text
    }
}

/// A five-character SQLSTATE code, with names for the ones callers commonly match on.
extension PostgresError {
    /// `error`, a lost connection while a COMMIT was on its way, as `.commitOutcomeUnknown`.
    static func commitOutcomeUnknown(after error: PostgresError) -> PostgresError {
        PostgresError(.commitOutcomeUnknown, "the connection broke during COMMIT: \(error.message)", sqlState: error.sqlState)
    }
}

public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The two-character class, e.g. `23` for integrity constraint violations.
    public var errorClass: Substring { rawValue.prefix(2) }
    public var description: String { rawValue }

    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    public static let checkViolation = SQLState(rawValue: "23514")
    public static let notNullViolation = SQLState(rawValue: "23502")
    public static let exclusionViolation = SQLState(rawValue: "23P01")
    /// Also raised when a row violates a row-level security policy.
    public static let insufficientPrivilege = SQLState(rawValue: "42501")
    public static let undefinedTable = SQLState(rawValue: "42P01")
    public static let syntaxError = SQLState(rawValue: "42601")
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    public static let stringDataRightTruncation = SQLState(rawValue: "22001")
    public static let queryCanceled = SQLState(rawValue: "57014")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    public static let lockNotAvailable = SQLState(rawValue: "55P03")
    public static let inFailedTransaction = SQLState(rawValue: "25P02")
    public static let featureNotSupported = SQLState(rawValue: "0A000")
    public static let raiseException = SQLState(rawValue: "P0001")
    public static let noDataFound = SQLState(rawValue: "P0002")
}
