import Logging
import Synchronization

/// Carries out the pool's decisions. The state sits behind a lock, not in an actor, so a
/// lease that finds an idle connection and its return never leave the calling thread.
final class PoolCore: Sendable {
    private let configuration: ConnectionPool.Configuration
    private let logger: Logger
    private let state: Mutex<PoolState>

    init(_ configuration: ConnectionPool.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        state = Mutex(PoolState(maximum: configuration.maximumConnections))
    }

    var statistics: PoolStatistics {
        state.withLock { PoolStatistics(open: $0.openCount, idle: $0.idle.count, waiting: $0.waiters.count) }
    }

    /// Takes an idle connection that is still alive, opens a new one while below the maximum,
    /// or waits for one to come back.
    func lease() async throws -> Connection {
        try Task.checkCancellation()
        var decision = state.withLock { $0.lease() }
        while true {
            switch decision {
            case .use(let connection):
                if connection.isAlive() { return connection }
                logger.debug("discarding a pooled connection that is no longer open")
                await discard(connection)
                decision = state.withLock { $0.lease() }
            case .open:
                return try await openInReservedSlot()
            case .closed:
                throw PoolState.closedError
            case .wait:
                switch try await waitForGrant() {
                case .connection(let connection): decision = .use(connection)
                case .openSlot: decision = .open
                }
            }
        }
    }

    /// Gives a leased connection back: to the first waiter, to the idle list, or closed when
    /// it may not be reused.
    func release(_ connection: Connection) async {
        let kept = state.withLock { state -> Bool in
            guard connection.isReusable, !state.isClosed else { return false }
            state.giveBack(connection)
            return true
        }
        if !kept { await discard(connection) }
    }

    func close() async {
        for connection in state.withLock({ $0.close() }) { await discard(connection) }
    }

    private func openInReservedSlot() async throws -> Connection {
        do {
            return try await Connection.connect(configuration.connection)
        } catch {
            state.withLock { $0.freeSlot() }
            throw error
        }
    }

    private func discard(_ connection: Connection) async {
        await connection.close()
        state.withLock { $0.freeSlot() }
    }

    /// Waits for a grant. The timer starts once the lease is queued, and ends the wait on
    /// timeout or on cancellation of the leasing task; a grant that came first makes its
    /// expiry a no-op.
    private func waitForGrant() async throws -> PoolState.Grant {
        let id = state.withLock { $0.nextWaiterID() }
        let timeout = configuration.leaseTimeout
        let maximum = configuration.maximumConnections
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let grant = try await withCheckedThrowingContinuation { continuation in
                guard state.withLock({ $0.wait(id, continuation) }) else { return }
                group.addTask {
                    let reason: any Error
                    do {
                        try await Task.sleep(for: timeout)
                        QueryMetrics.leaseTimedOut()
                        reason = PostgresError(
                            .poolTimeout,
                            "no database connection became free within \(timeout) (all \(maximum) in use)")
                    } catch {
                        reason = CancellationError()
                    }
                    self.state.withLock { $0.expire(id, with: reason) }
                }
            }
            group.cancelAll()
            return grant
        }
    }
}
