import Postgres

/// Runs the transaction from `clients` tasks over as many pooled connections for `seconds`.
enum SwiftDriver {
    static func measure(_ configuration: ConnectionConfiguration, clients: Int, seconds: Int) async throws -> Double {
        let pool = ConnectionPool(.init(connection: configuration, maximumConnections: clients))
        // Open every connection (and prepare its statements) before the clock starts.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slot in 0..<clients { group.addTask { try await TicketCreateTransaction.run(slot: slot, on: pool) } }
            try await group.waitForAll()
        }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        let started = clock.now
        let committed = try await withThrowingTaskGroup(of: Int.self) { group in
            for slot in 0..<clients {
                group.addTask {
                    var count = 0
                    while clock.now < deadline {
                        try await TicketCreateTransaction.run(slot: slot, on: pool)
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = clock.now - started
        await pool.close()
        return Double(committed) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
