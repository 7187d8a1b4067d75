import Synchronization
import CLibPQ
import Foundation

extension Connection {
    /// Runs a statement with its bound parameters and returns its rows.
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        PostgresRows(result: try await perform { () throws(PostgresError) in try self.run(query) })
    }

    /// Runs a statement and returns the number of rows it changed.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).affectedRows
    }

    /// Runs several statements in one go through the simple query protocol, with no
    /// parameters: for migration files and other fixed scripts, never for values.
    public func executeScript(_ script: String) async throws {
        guard !script.utf8.contains(0) else {
            throw PostgresError(.invalidParameter, "the script contains a NUL byte")
        }
        _ = try await perform { () throws(PostgresError) in
            try self.flushQueued()
            self.exchanges += 1
            return try self.checked(PQexec(self.handle, script))
        }
    }

    /// Runs a transaction's last statements and COMMIT in one pipelined round trip, with the
    /// statements `sendWithNext` queued (BEGIN among them when nothing was sent yet): a read
    /// transaction costs one round trip. Returns each statement's rows, in order; a COMMIT
    /// that the server turned into a rollback is an error. A connection lost after every
    /// statement before COMMIT answered is `.commitOutcomeUnknown` when `writes`: the server may
    /// have committed.
    func queriesCommitting(_ queries: [PostgresQuery], writes: Bool) async throws -> [PostgresRows] {
        let results = try await perform { () throws(PostgresError) in
            let started = ContinuousClock.now
            defer { QueryMetrics.statement(queries.first?.sql ?? "COMMIT", took: .now - started) }
            let statements = self.takeQueued() + queries + ["COMMIT"]
            do throws(PostgresError) {
                return try self.runPipelined(statements)
            } catch {
                let reachedCommit = self.pipelineAnswered >= statements.count - 1
                throw writes && error.isUnavailability && reachedCommit ? .commitOutcomeUnknown(after: error) : error
            }
        }
        guard results.last?.commandTag == "COMMIT" else {
            throw PostgresError(
                .server, "the transaction was rolled back because one of its statements had failed",
                sqlState: .inFailedTransaction)
        }
        return results.dropLast().suffix(queries.count).map { PostgresRows(result: $0) }
    }

    /// Runs a statement, ignoring cancellation of the task: for ending a transaction.
    func executeUncancellable(_ query: PostgresQuery) async throws -> QueryResult {
        try await perform(cancellable: false) { () throws(PostgresError) in try self.run(query) }
    }

    /// On the queue: prepares the statement once per connection, then executes it. Statements
    /// queued with `Transaction.sendWithNext` travel with it in one pipelined round trip.
    func run(_ query: PostgresQuery) throws(PostgresError) -> QueryResult {
        let started = ContinuousClock.now
        defer { QueryMetrics.statement(query.sql, took: .now - started) }
        let queued = takeQueued()
        if !queued.isEmpty { return try runPipelined(queued + [query]).last! }
        let statement = try prepare(query)
        // A cancel request that arrived while the statement was being prepared found nothing
        // running on the server; honour it before executing.
        if state.withLock({ $0.isCancelRequested }) {
            throw PostgresError(.server, "canceling statement due to user request", sqlState: .queryCanceled)
        }
        exchanges += 1
        let result = ParameterBuffer.with(query.binds) { values, lengths, formats in
            if let name = statement.name {
                return PQexecPrepared(handle, name, Int32(query.binds.count), values, lengths, formats, 0)
            }
            return PQexecParams(handle, query.sql, Int32(query.binds.count), statement.key.types, values, lengths, formats, 0)
        }
        return try checkedForgettingStalePlans(result, statement)
    }

    /// On the queue: sends what `sendWithNext` queued, before a statement that cannot join a
    /// pipeline (a script or a COPY).
    func flushQueued() throws(PostgresError) {
        let queued = takeQueued()
        if !queued.isEmpty { _ = try runPipelined(queued) }
    }

    private func takeQueued() -> [PostgresQuery] {
        queuedStatements.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }

    /// A statement as this connection runs it: by its prepared name, or unnamed when the
    /// cache of prepared statements is full.
    struct Statement {
        let key: StatementCache.Key
        let name: String?
    }

    /// On the queue: the statement's prepared name, preparing it on first use.
    func prepare(_ query: PostgresQuery) throws(PostgresError) -> Statement {
        if let error = query.encodingError { throw error }
        let key = StatementCache.Key(sql: query.sql, types: query.binds.map(\.typeOID))
        if let name = statements.name(for: key) { return Statement(key: key, name: name) }
        guard !statements.isFull else { return Statement(key: key, name: nil) }
        let name = statements.add(key)
        exchanges += 1
        do throws(PostgresError) {
            _ = try checked(PQprepare(handle, name, query.sql, Int32(query.binds.count), key.types))
        } catch {
            statements.remove(key)
            throw error
        }
        return Statement(key: key, name: name)
    }

    /// `checked`, and a plan invalidated by a schema change is prepared afresh next time.
    func checkedForgettingStalePlans(_ result: OpaquePointer?, _ statement: Statement) throws(PostgresError) -> QueryResult {
        do throws(PostgresError) {
            return try checked(result)
        } catch {
            if error.sqlState == .featureNotSupported, statement.name != nil { statements.remove(statement.key) }
            throw error
        }
    }

    /// On the queue: turns a libpq result into rows or a `PostgresError`.
    func checked(_ result: OpaquePointer?) throws(PostgresError) -> QueryResult {
        guard let result else {
            throw PostgresError(.connection, "no result from the server: \(Connection.errorMessage(handle))")
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return QueryResult(taking: result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            let error = serverError(result)
            PQclear(result)
            throw error
        default:
            let status = String(cString: PQresStatus(PQresultStatus(result)))
            PQclear(result)
            throw PostgresError(.protocolViolation, "unexpected result status \(status)")
        }
    }

    private func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let broken = PQstatus(handle) != CONNECTION_OK
        let state = field(clibpq_diag_sqlstate())
        let message = field(clibpq_diag_message_primary())
            ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgresError(
            broken || state == nil ? .connection : .server,
            message.isEmpty ? Connection.errorMessage(handle) : message,
            sqlState: state.map(SQLState.init(rawValue:)),
            detail: field(clibpq_diag_message_detail()),
            hint: field(clibpq_diag_message_hint()),
            constraint: field(clibpq_diag_constraint_name()),
            table: field(clibpq_diag_table_name()),
            column: field(clibpq_diag_column_name()),
            schema: field(clibpq_diag_schema_name()))
    }
}

/// Lays out parameter values for libpq in one allocation that lives until the call returns.
/// Text values get the NUL terminator libpq expects; binary ones are passed with their length.
enum ParameterBuffer {
    static func with<R>(
        _ binds: [PostgresBind],
        _ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> R
    ) -> R {
        let size = binds.reduce(0) { $0 + ($1.bytes?.count ?? 0) + 1 }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 1)
        defer { storage.deallocate() }
        var values: [UnsafePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        values.reserveCapacity(binds.count)
        lengths.reserveCapacity(binds.count)
        formats.reserveCapacity(binds.count)
        var offset = 0
        for bind in binds {
            formats.append(bind.isBinary ? 1 : 0)
            guard let bytes = bind.bytes else {
                values.append(nil)
                lengths.append(0)
                continue
            }
            let start = storage.baseAddress! + offset
            if !bytes.isEmpty {
                bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            }
            storage[offset + bytes.count] = 0
            values.append(UnsafePointer(start.assumingMemoryBound(to: CChar.self)))
            lengths.append(Int32(bytes.count))
            offset += bytes.count + 1
        }
        return body(values, lengths, formats)
    }
}
