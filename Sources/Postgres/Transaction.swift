import Synchronization
/// The statements of one open transaction on a connection.
///
/// Handed to the body of `withTransaction`; it has no way to end the transaction itself, so the
/// transaction always ends where it began: committed when the body returns, rolled back when
/// it throws or its task is cancelled.
public struct Transaction: Sendable {
    public let connection: Connection
    /// Whether it was begun READ ONLY: then a connection lost at its COMMIT lost nothing.
    let readOnly: Bool

    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await connection.query(query)
    }

    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await connection.execute(query)
    }

    /// Runs the transaction's last statement with its COMMIT (and whatever `sendWithNext`
    /// queued, BEGIN too when nothing went out yet) in one round trip: a read of one statement
    /// is one round trip. The transaction ends here: the body must send nothing after it.
    public func queryCommitting(_ query: PostgresQuery) async throws -> PostgresRows {
        try await queriesCommitting([query])[0]
    }

    /// `queryCommitting` with several last statements, sent in the same round trip (a page's
    /// counts): returns the rows of each, in order. The transaction ends here.
    /// A connection lost once the statements answered and COMMIT was on its way is
    /// `.commitOutcomeUnknown` in a transaction that writes, as at `withTransaction`'s COMMIT.
    public func queriesCommitting(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        let rows = try await connection.queriesCommitting(queries, writes: !readOnly)
        connection.committedEarly.withLock { $0 = true }
        return rows
    }

    /// Queues a statement whose result is not needed to travel with the next one, in a single
    /// round trip (libpq's pipeline mode). Its failure is thrown by that next statement.
    public func sendWithNext(_ query: PostgresQuery) {
        connection.queuedStatements.withLock { $0.append(query) }
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

    func begin(readOnly: Bool) -> PostgresQuery {
        switch (self, readOnly) {
        case (.readCommitted, false): return "BEGIN"
        case (.readCommitted, true): return "BEGIN READ ONLY"
        case (.repeatableRead, false): return "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case (.repeatableRead, true): return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        case (.serializable, false): return "BEGIN ISOLATION LEVEL SERIALIZABLE"
        case (.serializable, true): return "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"
        }
    }
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws or the
    /// task is cancelled (also when the cancellation came too late to stop a statement). A
    /// commit that the server turns into a rollback (because a statement failed and the body
    /// went on) is an error, never a silent loss. A connection that breaks during `COMMIT` is
    /// `.commitOutcomeUnknown`: the server may have committed before it went away. `readOnly`
    /// makes it a read-only transaction, which the server refuses to write in. A body that
    /// ends with `Transaction.queryCommitting` has committed already.
    @discardableResult
    public func withTransaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ level: IsolationLevel = .readCommitted,
        readOnly: Bool = false,
        _ body: (Transaction) async throws -> sending T
    ) async throws -> sending T {
        let started = ContinuousClock.now
        var committed = false
        defer { QueryMetrics.transaction(committed: committed, took: .now - started) }
        RoundTrips.counter?.transactions.add(1, ordering: .relaxed)
        // BEGIN travels with the transaction's first statement.
        queuedStatements.withLock { $0 = [level.begin(readOnly: readOnly)] }
        committedEarly.withLock { $0 = false }
        let value: T
        do {
            value = try await body(Transaction(connection: self, readOnly: readOnly))
            if committedEarly.withLock({ $0 }) {
                committed = true
                return value
            }
            // A task cancelled while its last statement still finished does not commit.
            try Task.checkCancellation()
        } catch {
            await rollBack()
            throw error
        }
        let commit: QueryResult
        do {
            commit = try await executeUncancellable("COMMIT")
        } catch let error as PostgresError where error.isUnavailability {
            await rollBack()
            throw PostgresError.commitOutcomeUnknown(after: error)
        } catch {
            await rollBack()
            throw error
        }
        guard commit.commandTag == "COMMIT" else {
            throw PostgresError(
                .server, "the transaction was rolled back because one of its statements had failed",
                sqlState: .inFailedTransaction)
        }
        committed = true
        return value
    }

    /// Ends the transaction without keeping anything; nothing to send if BEGIN never went out.
    private func rollBack() async {
        queuedStatements.withLock { $0.removeAll() }
        if state.withLock({ $0.isInTransaction }) { _ = try? await executeUncancellable("ROLLBACK") }
    }
}
