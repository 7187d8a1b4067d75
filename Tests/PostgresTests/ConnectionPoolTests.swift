import Foundation
@testable import Postgres
import PostgresTestSupport
import Testing

@Suite("The connection pool")
struct ConnectionPoolTests {
    @Test func twoHundredTasksShareFourConnections() async throws {
        // Waiting is the point here, not its limit: on a loaded machine 200 transactions
        // through 4 connections took longer than the default 10 s lease timeout.
        let pool = try TestDatabase.pool(nil, maximumConnections: 4, leaseTimeout: .seconds(120))
        let backends = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await pool.withTransaction { transaction in
                        let row = try await transaction.query("SELECT pg_backend_pid() AS pid, \(index)::int8 AS i").single()
                        #expect(try row.decode(Int.self, "i") == index)
                        return try row.decode(Int.self, "pid")
                    }
                }
            }
            var seen = Set<Int>()
            for try await pid in group { seen.insert(pid) }
            return seen
        }
        #expect(backends.count <= 4)
        let statistics = pool.statistics
        #expect(statistics.open <= 4)
        #expect(statistics.waiting == 0)
        await pool.close()
    }

    @Test func anExhaustedPoolTimesOutWithAClearError() async throws {
        let pool = try TestDatabase.pool(nil, maximumConnections: 1, leaseTimeout: .milliseconds(200))
        let holding = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await pool.withConnection { _ in
                    holding.continuation.yield()
                    var waiting = release.stream.makeAsyncIterator()
                    await waiting.next()
                }
            }
            var iterator = holding.stream.makeAsyncIterator()
            await iterator.next()
            let clock = ContinuousClock()
            let started = clock.now
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { _ in }
            }
            #expect(error?.kind == .poolTimeout)
            #expect(error?.message.contains("no database connection became free") == true)
            #expect(clock.now - started >= .milliseconds(200))
            release.continuation.yield()
            try await group.waitForAll()
        }
        // Once given back, the connection serves the next lease.
        let one = try await pool.withConnection { connection in
            try await connection.query("SELECT 1::int4 AS one").single().decode(Int.self, "one")
        }
        #expect(one == 1)
        await pool.close()
    }

    @Test func aCancelledLeaseStopsWaiting() async throws {
        let pool = try TestDatabase.pool(nil, maximumConnections: 1, leaseTimeout: .seconds(60))
        try await pool.withConnection { _ in
            let waiter = Task { try await pool.withConnection { _ in } }
            while pool.statistics.waiting == 0 { await Task.yield() }
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
        }
        #expect(pool.statistics.waiting == 0)
        await pool.close()
    }

    @Test func aConnectionLeftInATransactionIsNotReused() async throws {
        let pool = try TestDatabase.pool(nil, maximumConnections: 1)
        let first = try await pool.withConnection { connection in
            try await connection.execute("BEGIN")
            return try await connection.query("SELECT pg_backend_pid() AS pid").single().decode(Int.self, "pid")
        }
        let second = try await pool.withConnection { connection in
            try await connection.query("SELECT pg_backend_pid() AS pid").single().decode(Int.self, "pid")
        }
        #expect(first != second)
        await pool.close()
    }

    @Test func aCancelledQueryIsCancelledOnTheServer() async throws {
        try await TestDatabase.withConnection { (observer: Connection) async throws -> Void in
            let pool = try TestDatabase.pool(nil, maximumConnections: 1)
            let pid = try await pool.withConnection { try await $0.query("SELECT pg_backend_pid() AS pid").single().decode(Int.self, "pid") }
            let sleeper = Task { try await pool.withConnection { try await $0.execute("SELECT pg_sleep(60)") } }
            // Wait until the server runs the sleep: each look is a round trip, bounded in number.
            var running = false
            for _ in 0..<10_000 where !running {
                running = try await observer.query(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(pid) AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"
                ).single().decode(Int.self, "n") == 1
            }
            #expect(running)
            let clock = ContinuousClock()
            let cancelledAt = clock.now
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { try await sleeper.value }
            #expect(clock.now - cancelledAt < .seconds(30))
            let stillSleeping = try await observer.query(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(pid) AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"
            ).single().decode(Int.self, "n")
            #expect(stillSleeping == 0)
            // The pool closes that connection rather than hand it out again.
            let next = try await pool.withConnection { try await $0.query("SELECT pg_backend_pid() AS pid").single().decode(Int.self, "pid") }
            #expect(next != pid)
            await pool.close()
        }
    }

    @Test func aClosedPoolRefusesLeases() async throws {
        let pool = try TestDatabase.pool(nil, maximumConnections: 2)
        try await pool.withConnection { _ in }
        await pool.close()
        let error = await #expect(throws: PostgresError.self) { try await pool.withConnection { _ in } }
        #expect(error?.kind == .poolClosed)
    }
}

@Suite("A lease runs on its connection's own thread")
struct LeaseExecutorTests {
    @Test func theBodyRunsOnTheConnectionsQueueAndNotOnTheCooperativePool() async throws {
        let pool = try TestDatabase.pool(nil, maximumConnections: 2)
        let onOwnQueue = try await pool.withConnection { connection in
            _ = try await connection.query("SELECT 1::int4 AS one")
            return connection.executor.isCurrent
        }
        #expect(onOwnQueue)
        await pool.close()
    }
}
