import Postgres

extension ConnectionPool {
    /// Runs `body` while a transaction of its own, on one connection of the pool, holds the
    /// demo seed's advisory lock: two seeds at once take turns, so neither sees the other's
    /// half-loaded data. The pool needs a second connection for `body`'s work.
    public func holdingSeedLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withTransaction { transaction in
            try await transaction.execute("SELECT pg_advisory_xact_lock(hashtext('backoffice demo seed'))")
            return try await body()
        }
    }
}
