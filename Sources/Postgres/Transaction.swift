/// The statements of one open transaction on a connection.
///
/// Handed to the body of `withTransaction`; it has no way to end the transaction itself, so the
/// transaction always ends where it began: committed when the body returns, rolled back when
/// it throws or its task is cancelled.
public struct Transaction: Sendable {
    public let connection: Connection

    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await connection.query(query)
    }

    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await connection.execute(query)
    }

    /// Bulk-loads rows with `COPY … FROM STDIN`; see `Connection.copyFrom`.
    @discardableResult
    public func copyFrom(
        _ statement: String, _ write: (CopyWriter) async throws -> Void
    ) async throws -> Int {
        try await connection.copyFrom(statement, write)
    }
}

/// How strictly concurrent transactions are kept apart.
public enum IsolationLevel: Sendable {
    case readCommitted, repeatableRead, serializable

    var begin: PostgresQuery {
        switch self {
        case .readCommitted: return "BEGIN"
        case .repeatableRead: return "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: return "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws or the
    /// task is cancelled. A commit that the server turns into a rollback (because a statement
    /// failed and the body went on) is an error, never a silent loss.
    @discardableResult
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ level: IsolationLevel = .readCommitted,
        _ body: (Transaction) async throws -> sending T
    ) async throws -> sending T {
        try await execute(level.begin)
        let value: T
        do {
            value = try await body(Transaction(connection: self))
        } catch {
            _ = try? await executeUncancellable("ROLLBACK")
            throw error
        }
        let commit: QueryResult
        do {
            commit = try await executeUncancellable("COMMIT")
        } catch {
            _ = try? await executeUncancellable("ROLLBACK")
            throw error
        }
        guard commit.commandTag == "COMMIT" else {
            throw PostgresError(
                .server, "the transaction was rolled back because one of its statements had failed",
                sqlState: .inFailedTransaction)
        }
        return value
    }
}
