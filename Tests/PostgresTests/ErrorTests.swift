import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Errors say what went wrong")
struct ErrorTests {
    @Test func aNulByteIsRefusedBeforeItReachesLibpq() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT \("safe")::text, \("cut\u{0}here")::text")
            }
            #expect(error?.kind == .invalidParameter)
            #expect(error?.message.contains("parameter $2") == true)
            #expect(error?.message.contains("NUL") == true)
            let inArray = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT \(["fine", "bad\u{0}"])::text[]")
            }
            #expect(inArray?.kind == .invalidParameter)
            // The connection is still good for the next statement.
            #expect(try await connection.query("SELECT 1::int4 AS one").single().decode(Int.self, "one") == 1)
        }
    }

    @Test func decodingErrorsNameTheColumnAndTheReason() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            let row = try await connection.query("SELECT 'abc'::text AS word, 5::int4 AS five").single()
            let missing = #expect(throws: PostgresError.self) { try row.decode(String.self, "nope") }
            #expect(missing?.message == "column \"nope\" is not in the result (columns: word, five)")
            let wrongType = #expect(throws: PostgresError.self) { try row.decode(UUID.self, "five") }
            #expect(wrongType?.message.contains("column \"five\"") == true)
            #expect(wrongType?.message.contains("UUID") == true)
            let wrongValue = #expect(throws: PostgresError.self) { try row.decode(Int.self, "word") }
            #expect(wrongValue?.column == "word")
            #expect(try row.decode(String.self, "five") == "5")
        }
    }

    @Test func constraintViolationsCarrySQLStateAndNames() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("""
                CREATE TEMP TABLE parent (id int PRIMARY KEY);
                CREATE TEMP TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id),
                    size int CONSTRAINT child_size_positive CHECK (size > 0));
                INSERT INTO parent VALUES (1);
                """)
            try await connection.execute("INSERT INTO child VALUES (1, 1, 1)")
            let unique = await #expect(throws: PostgresError.self) { try await connection.execute("INSERT INTO child VALUES (1, 1, 1)") }
            #expect(unique?.sqlState == .uniqueViolation)
            #expect(unique?.constraint == "child_pkey")
            #expect(unique?.table == "child")
            #expect(unique?.detail?.contains("(id)=(1)") == true)
            let foreign = await #expect(throws: PostgresError.self) { try await connection.execute("INSERT INTO child VALUES (2, 99, 1)") }
            #expect(foreign?.sqlState == .foreignKeyViolation)
            #expect(foreign?.constraint == "child_parent_id_fkey")
            let check = await #expect(throws: PostgresError.self) { try await connection.execute("INSERT INTO child VALUES (3, 1, -1)") }
            #expect(check?.sqlState == .checkViolation)
            #expect(check?.constraint == "child_size_positive")
            let syntax = await #expect(throws: PostgresError.self) { try await connection.execute("SELEKT 1") }
            #expect(syntax?.sqlState == .syntaxError)
            #expect(syntax?.kind == .server)
        }
    }

    @Test func rowLevelSecurityViolationIsInsufficientPrivilege() async throws {
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            try await connection.executeScript("""
                CREATE TEMP TABLE guarded (tenant text NOT NULL, note text);
                ALTER TABLE guarded ENABLE ROW LEVEL SECURITY;
                ALTER TABLE guarded FORCE ROW LEVEL SECURITY;
                CREATE POLICY only_mine ON guarded USING (tenant = current_setting('test.tenant', true))
                    WITH CHECK (tenant = current_setting('test.tenant', true));
                """)
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { transaction in
                    try await transaction.execute("SELECT set_config('test.tenant', \("a"), true)")
                    try await transaction.execute("INSERT INTO guarded VALUES (\("b"), \("not mine"))")
                }
            }
            #expect(error?.sqlState == .insufficientPrivilege)
            #expect(error?.message.contains("row-level security") == true)
        }
    }

    @Test func aBadConnectionStringIsAConnectionError() async throws {
        let error = await #expect(throws: PostgresError.self) {
            try await Connection.connect(ConnectionConfiguration("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"))
        }
        #expect(error?.kind == .connection)
        #expect(error?.message.hasPrefix("could not connect to PostgreSQL") == true)
    }
}
