import Synchronization
import CLibPQ

extension Connection {
    /// On the queue: sends `queries` in libpq's pipeline mode, all in one round trip, and
    /// returns their results in order. The first failure is thrown; the server skips the rest.
    func runPipelined(_ queries: [PostgresQuery]) throws(PostgresError) -> [QueryResult] {
        pipelineAnswered = 0
        let statements = try queries.map { query throws(PostgresError) in try prepare(query) }
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(.protocolViolation, "libpq could not enter pipeline mode: \(Connection.errorMessage(handle))")
        }
        defer {
            if PQexitPipelineMode(handle) != 1 { state.withLock { $0.isBroken = true } }
        }
        for (query, statement) in zip(queries, statements) {
            let sent = ParameterBuffer.with(query.binds) { values, lengths, formats in
                if let name = statement.name {
                    return PQsendQueryPrepared(handle, name, Int32(query.binds.count), values, lengths, formats, 0)
                }
                return PQsendQueryParams(
                    handle, query.sql, Int32(query.binds.count), statement.key.types, values, lengths, formats, 0)
            }
            guard sent == 1 else {
                throw PostgresError(.connection, "a pipelined statement could not be sent: \(Connection.errorMessage(handle))")
            }
        }
        exchanges += 1
        guard PQpipelineSync(handle) == 1 else {
            throw PostgresError(.connection, "the pipeline could not be sent: \(Connection.errorMessage(handle))")
        }
        var firstFailure: PostgresError?
        var results: [QueryResult] = []
        results.reserveCapacity(statements.count)
        for statement in statements {
            guard let result = PQgetResult(handle) else {
                throw PostgresError(.connection, "a pipelined statement got no result: \(Connection.errorMessage(handle))")
            }
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do throws(PostgresError) {
                    results.append(try checkedForgettingStalePlans(result, statement))
                    if firstFailure == nil { pipelineAnswered += 1 }
                } catch {
                    if firstFailure == nil { firstFailure = error }
                }
            }
            // Each statement's results end with a NULL.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        guard let sync = PQgetResult(handle), PQresultStatus(sync) == PGRES_PIPELINE_SYNC else {
            throw PostgresError(.protocolViolation, "the pipeline did not end with its sync")
        }
        PQclear(sync)
        if let firstFailure { throw firstFailure }
        guard results.count == statements.count else {
            throw PostgresError(.protocolViolation, "the pipeline returned \(results.count) results for \(statements.count) statements")
        }
        return results
    }
}
