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
        _ = try await perform { () throws(PostgresError) in try self.checked(PQexec(self.handle, script)) }
    }

    /// Runs a statement, ignoring cancellation of the task: for ending a transaction.
    func executeUncancellable(_ query: PostgresQuery) async throws -> QueryResult {
        try await perform(cancellable: false) { () throws(PostgresError) in try self.run(query) }
    }

    /// On the queue: prepares the statement once per connection, then executes it.
    func run(_ query: PostgresQuery) throws(PostgresError) -> QueryResult {
        if let error = query.encodingError { throw error }
        let binds = query.binds
        let key = StatementCache.Key(sql: query.sql, types: binds.map(\.typeOID))
        var name = statements.name(for: key)
        if name == nil, !statements.isFull {
            let prepared = statements.add(key)
            do throws(PostgresError) {
                _ = try checked(PQprepare(handle, prepared, query.sql, Int32(binds.count), key.types))
                name = prepared
            } catch {
                statements.remove(key)
                throw error
            }
        }
        let result = ParameterBuffer.with(binds) { values, lengths, formats in
            if let name {
                return PQexecPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
            }
            return PQexecParams(handle, query.sql, Int32(binds.count), key.types, values, lengths, formats, 0)
        }
        do throws(PostgresError) {
            return try checked(result)
        } catch {
            // A schema change can invalidate a prepared plan; prepare it afresh next time.
            if error.sqlState == .featureNotSupported, name != nil { statements.remove(key) }
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
