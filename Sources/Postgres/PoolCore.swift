import Logging

/// The pool's bookkeeping: idle connections, open slots and waiting leases, kept by one actor.
actor PoolCore {
    /// What a waiting lease is given: a connection, or leave to open one in a freed slot.
    enum Grant: Sendable {
        case connection(Connection)
        case openSlot
    }

    private let configuration: ConnectionPool.Configuration
    private let logger: Logger
    private var idle: [Connection] = []
    /// Connections open, leased, or being opened: never above the maximum.
    private var openCount = 0
    private var waiters = WaiterQueue<Grant>()
    private var isClosed = false

    init(_ configuration: ConnectionPool.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    var statistics: PoolStatistics {
        PoolStatistics(open: openCount, idle: idle.count, waiting: waiters.count)
    }

    /// Takes an idle connection that is still alive, opens a new one while below the maximum,
    /// or waits for one to come back.
    func lease() async throws -> Connection {
        try Task.checkCancellation()
        while let connection = idle.popLast() {
            guard !isClosed else { break }
            if connection.isAlive() { return connection }
            logger.debug("discarding a pooled connection that is no longer open")
            await discard(connection)
        }
        guard !isClosed else { throw PostgresError(.poolClosed, "the connection pool is shut down") }
        if openCount < configuration.maximumConnections {
            openCount += 1
            return try await openInReservedSlot()
        }
        switch try await waitForGrant() {
        case .connection(let connection): return connection
        case .openSlot: return try await openInReservedSlot()
        }
    }

    /// Gives a leased connection back: to the first waiter, to the idle list, or closed when
    /// it may not be reused.
    func release(_ connection: Connection) async {
        guard connection.isReusable, !isClosed else {
            await discard(connection)
            return
        }
        if !waiters.resumeFirst(with: .connection(connection)) { idle.append(connection) }
    }

    func close() async {
        isClosed = true
        waiters.failAll(PostgresError(.poolClosed, "the connection pool is shut down"))
        let closing = idle
        idle.removeAll()
        for connection in closing { await discard(connection) }
    }

    private func openInReservedSlot() async throws -> Connection {
        do {
            return try await Connection.connect(configuration.connection)
        } catch {
            freeSlot()
            throw error
        }
    }

    private func discard(_ connection: Connection) async {
        await connection.close()
        freeSlot()
    }

    /// A slot became free: a waiter may open a connection in it, or it is given up.
    private func freeSlot() {
        if isClosed || !waiters.resumeFirst(with: .openSlot) { openCount -= 1 }
    }

    private func waitForGrant() async throws -> Grant {
        let id = waiters.nextID()
        let timeout = configuration.leaseTimeout
        let maximum = configuration.maximumConnections
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // The timer ends the wait on timeout or on cancellation of the leasing task,
            // whichever comes first; a grant that came first makes its expiry a no-op.
            group.addTask {
                let reason: any Error
                do {
                    try await Task.sleep(for: timeout)
                    reason = PostgresError(
                        .poolTimeout,
                        "no database connection became free within \(timeout) (all \(maximum) in use)")
                } catch {
                    reason = CancellationError()
                }
                await self.expireWaiter(id, with: reason)
            }
            let grant = try await withCheckedThrowingContinuation { continuation in
                waiters.append(id, continuation)
            }
            group.cancelAll()
            return grant
        }
    }

    private func expireWaiter(_ id: UInt64, with error: any Error) {
        waiters.fail(id, with: error)
    }
}
