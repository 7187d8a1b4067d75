import Postgres
import PostgresTestSupport
import Testing

@Suite("A statement put together from fragments")
struct QueryCompositionTests {
    @Test("an appended fragment's placeholders follow the query's own")
    func renumbers() {
        var query: PostgresQuery = "SELECT \("a") AS a, \("b") AS b"
        query.append(" WHERE x = \("c") AND y = '$1' AND z = \("d")")
        #expect(query.sql == "SELECT $1 AS a, $2 AS b WHERE x = $3 AND y = '$1' AND z = $4")
        #expect(query.binds.count == 4)
    }

    @Test("renumbering reads past Finnish letters, quoted identifiers, two-digit placeholders and fragments without values")
    func renumbersAroundText() {
        var query: PostgresQuery = "SELECT \(1), \(2), \(3), \(4), \(5), \(6), \(7), \(8), \(9), \(10)"
        query.append(" , 'ääkkönen $2' AS \"€$3\", \("x") || 'ö', \("y")")
        query.append(" FROM t WHERE note = '$1 säilyy'")
        #expect(query.sql == "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 , 'ääkkönen $2' AS \"€$3\", $11 || 'ö', $12"
            + " FROM t WHERE note = '$1 säilyy'")
        #expect(query.binds.count == 12)
    }

    @Test("the composed statement binds each value to its own placeholder on the server")
    func runs() async throws {
        try await TestDatabase.withConnection { connection in
            var query: PostgresQuery = "SELECT \(1)::int AS one"
            query.append(", \("kaksi")::text AS two")
            query.append(", \(3)::int + \(4)::int AS seven")
            let row = try await connection.query(query).single()
            #expect(try row.decode(Int.self, "one") == 1)
            #expect(try row.decode(String.self, "two") == "kaksi")
            #expect(try row.decode(Int.self, "seven") == 7)
        }
    }
}
