import Logging
import ServiceLifecycle

/// A bounded pool of connections, run as a swift-service-lifecycle `Service`.
///
/// Connections open on demand up to `maximumConnections`. When all are in use a lease waits,
/// and fails with `.poolTimeout` after `leaseTimeout` rather than hang. A connection that
/// broke, was left inside a transaction, or was sent a cancel request is closed when it comes
/// back and never handed out again; a statement is never replayed on another connection.
public final class ConnectionPool: Service, Sendable {
    public struct Configuration: Sendable {
        public var connection: ConnectionConfiguration
        public var maximumConnections: Int
        public var leaseTimeout: Duration

        public init(
            connection: ConnectionConfiguration = .fromEnvironment(),
            maximumConnections: Int = 10,
            leaseTimeout: Duration = .seconds(10)
        ) {
            self.connection = connection
            self.maximumConnections = max(1, maximumConnections)
            self.leaseTimeout = leaseTimeout
        }
    }

    public let configuration: Configuration
    private let core: PoolCore

    public init(_ configuration: Configuration, logger: Logger = Logger(label: "postgres.pool")) {
        self.configuration = configuration
        core = PoolCore(configuration, logger: logger)
    }

    /// Connections open (leased, idle or being opened), idle, and leases waiting.
    public var statistics: PoolStatistics { core.statistics }

    /// Leases a connection for `body` and always gives it back. The body runs with the
    /// connection's own queue as its preferred task executor.
    @discardableResult
    public func withConnection<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> sending T
    ) async throws -> T {
        let connection = try await core.lease()
        do {
            let value = try await withTaskExecutorPreference(connection.executor) { try await body(connection) }
            await core.release(connection)
            return value
        } catch {
            await core.release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a leased connection; see `Connection.withTransaction`.
    @discardableResult
    public func withTransaction<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        _ level: IsolationLevel = .readCommitted,
        readOnly: Bool = false,
        _ body: (Transaction) async throws -> sending T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.withTransaction(level, readOnly: readOnly, body)
        }
    }

    /// Closes every idle connection and refuses new leases; leased ones close as they return.
    public func close() async {
        await core.close()
    }

    /// Runs until graceful shutdown (or cancellation), then closes the pool.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }
}

/// How busy a pool is.
public struct PoolStatistics: Sendable, Equatable {
    public let open: Int
    public let idle: Int
    public let waiting: Int
}
