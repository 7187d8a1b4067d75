import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Transactions always end")
struct TransactionTests {
    func count(_ connection: Connection) async throws -> Int {
        try await connection.query("SELECT count(*) AS n FROM ledger").single().decode(Int.self, "n")
    }

    func withLedger(_ body: (Connection) async throws -> Void) async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("CREATE TEMP TABLE ledger (id int PRIMARY KEY)")
            try await body(connection)
        }
    }

    @Test func aReturningBodyCommits() async throws {
        try await withLedger { (connection: Connection) async throws -> Void in
            let value = try await connection.withTransaction { transaction in
                try await transaction.execute("INSERT INTO ledger VALUES (1), (2)")
            }
            #expect(value == 2)
            #expect(try await count(connection) == 2)
        }
    }

    @Test func aThrowingBodyRollsBack() async throws {
        try await withLedger { (connection: Connection) async throws -> Void in
            await #expect(throws: RollBack.self) {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO ledger VALUES (1)")
                    throw RollBack()
                }
            }
            #expect(try await count(connection) == 0)
            #expect(connection.isReusable)
        }
    }

    @Test func aSwallowedStatementErrorMakesTheCommitFail() async throws {
        try await withLedger { (connection: Connection) async throws -> Void in
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO ledger VALUES (1)")
                    _ = try? await transaction.execute("INSERT INTO ledger VALUES (1)")
                }
            }
            #expect(error?.sqlState == .inFailedTransaction)
            #expect(try await count(connection) == 0)
        }
    }

    @Test func aCancelledTransactionRollsBack() async throws {
        try await withLedger { (connection: Connection) async throws -> Void in
            let started = AsyncStream<Void>.makeStream()
            let task = Task {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO ledger VALUES (1)")
                    started.continuation.yield()
                    try await transaction.execute("SELECT pg_sleep(10)")
                }
            }
            var iterator = started.stream.makeAsyncIterator()
            await iterator.next()
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            // Whether the cancel arrived before or during the sleep, the transaction ended
            // and nothing of it was stored.
            #expect(try await count(connection) == 0)
        }
    }
}

@Suite("COPY FROM STDIN")
struct CopyTests {
    @Test func loadsManyRowsAndAbortsCleanly() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("CREATE TEMP TABLE usage (org text, month date, started int)")
            let loaded = try await connection.copyFrom("COPY usage (org, month, started) FROM STDIN WITH (FORMAT csv)") { writer in
                for index in 0..<50_000 {
                    try await writer.write("ORG-\(index % 20),2026-\(index % 12 + 1)-01,\(index)\n")
                }
            }
            #expect(loaded == 50_000)
            let sum = try await connection.query("SELECT sum(started)::int8 AS total, count(DISTINCT org)::int8 AS orgs FROM usage").single()
            #expect(try sum.decode(Int.self, "total") == (0..<50_000).reduce(0, +))
            #expect(try sum.decode(Int.self, "orgs") == 20)

            await #expect(throws: RollBack.self) {
                try await connection.copyFrom("COPY usage (org, month, started) FROM STDIN WITH (FORMAT csv)") { writer in
                    try await writer.write("ORG-X,2026-01-01,1\n")
                    throw RollBack()
                }
            }
            let bad = await #expect(throws: PostgresError.self) {
                try await connection.copyFrom("COPY usage (org, month, started) FROM STDIN WITH (FORMAT csv)") { writer in
                    try await writer.write("ORG-Y,not-a-date,1\n")
                }
            }
            #expect(bad?.sqlState?.errorClass == "22")
            #expect(try await connection.query("SELECT count(*) AS n FROM usage").single().decode(Int.self, "n") == 50_000)
        }
    }
}

@Suite("Statements sent with the next one")
struct PipelinedStatementTests {
    @Test func beginAndQueuedStatementsTravelWithTheFirstStatement() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let setting = try await connection.withTransaction { transaction in
                transaction.sendWithNext("SELECT set_config('test.marker', \("pipelined"), true)")
                return try await transaction.query("SELECT current_setting('test.marker') AS m")
                    .single().decode(String.self, "m")
            }
            #expect(setting == "pipelined")
            // SET LOCAL ended with the transaction.
            let after = try await connection.query("SELECT coalesce(current_setting('test.marker', true), '') AS m").single()
            #expect(try after.decode(String.self, "m") == "")
        }
    }

    @Test func aFailingQueuedStatementFailsTheNextAndRollsBack() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("CREATE TEMP TABLE notes (id int PRIMARY KEY)")
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO notes VALUES (1)")
                    transaction.sendWithNext("SELECT 1 / 0")
                    try await transaction.execute("INSERT INTO notes VALUES (2)")
                }
            }
            #expect(error?.sqlState?.rawValue == "22012")
            #expect(try await connection.query("SELECT count(*) AS n FROM notes").single().decode(Int.self, "n") == 0)
            #expect(connection.isReusable)
        }
    }

    @Test func aStatementQueuedLastTravelsWithTheCommit() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("CREATE TEMP TABLE notes (id int PRIMARY KEY)")
            try await connection.withTransaction { transaction in
                try await transaction.execute("INSERT INTO notes VALUES (1)")
                transaction.sendWithNext("INSERT INTO notes VALUES (2)")
            }
            #expect(try await connection.query("SELECT count(*) AS n FROM notes").single().decode(Int.self, "n") == 2)
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("INSERT INTO notes VALUES (3)")
                    transaction.sendWithNext("INSERT INTO notes VALUES (1)")
                }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(try await connection.query("SELECT count(*) AS n FROM notes").single().decode(Int.self, "n") == 2)
            #expect(connection.isReusable)
        }
    }

    @Test func severalLastStatementsTravelWithTheCommitAndAnswerInOrder() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            @Sendable func read(_ first: Int) async throws -> [PostgresRows] {
                try await connection.withTransaction { transaction in
                    transaction.sendWithNext("SELECT set_config('test.marker', \("pipelined"), true)")
                    return try await transaction.queriesCommitting(
                        ["SELECT \(first)::int4 AS n", "SELECT current_setting('test.marker') AS m", "SELECT \(first + 1)::int4 AS n"])
                }
            }
            _ = try await read(1)  // prepares the statements
            let (answers, roundTrips, _) = try await RoundTrips.counting { try await read(3) }
            #expect(answers.count == 3)
            #expect(try answers[0].single().decode(Int.self, "n") == 3)
            #expect(try answers[1].single().decode(String.self, "m") == "pipelined")
            #expect(try answers[2].single().decode(Int.self, "n") == 4)
            #expect(roundTrips == 1, "BEGIN, the queued statement, the three and COMMIT in one pipeline")
            #expect(connection.isReusable)
        }
    }

    @Test func anEmptyTransactionSendsNothingAndEndsCleanly() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.withTransaction { _ in }
            await #expect(throws: RollBack.self) { try await connection.withTransaction { _ in throw RollBack() } }
            #expect(connection.isReusable)
            #expect(try await connection.query("SELECT 1::int4 AS one").single().decode(Int.self, "one") == 1)
        }
    }
}
