import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport

/// A database of its own (beside the shared test database, whose statistics it leaves alone),
/// migrated and loaded by the queue benchmark's loader, then vacuumed and analysed.
struct QueuePlanDatabase {
    static let name = "backoffice_queue_plans"
    /// backoffice_app's connection settings for it.
    let app: ConnectionConfiguration
    /// LOAD-01, and one of its tickets (for a cursor).
    let organisationID: UUID
    let someTicketID: UUID
    /// The person the loader assigns tickets to and who writes the comments.
    let agentID: UUID
    let serviceCode: String

    static func make(organisations: Int, tickets: Int) async throws -> QueuePlanDatabase {
        let shared = try TestDatabase.configuration()
        try await TestDatabase.withConnection { connection in
            try await connection.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try await connection.executeScript("CREATE DATABASE \(name)")
        }
        let owner = ConnectionConfiguration(shared.conninfo, overrides: ["dbname": name])
        let loader = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../Benchmarks/queue-load.sql"), encoding: .utf8)
        let agent = "kuormitus.tukipalvelu@example.fi"
        let (agentID, serviceCode) = try await TestDatabase.withConnection(owner) { connection in
            _ = try await MigrationRunner(migrations: try Migration.load(from: try Migration.locateDirectory())).migrate(on: connection)
            let agentID = try await connection.query("""
                INSERT INTO people (email, full_name) VALUES (\(agent), 'Kuormitus Tukipalvelu') RETURNING id
                """).single().decode(UUID.self, "id")
            _ = try await connection.query("""
                SELECT set_config('bench.organisations', \(String(organisations)), false),
                       set_config('bench.tickets', \(String(tickets)), false), set_config('bench.person', \(agent), false)
                """)
            try await connection.executeScript(loader)
            try await connection.executeScript("VACUUM ANALYZE tickets, ticket_comments")
            try await connection.executeScript("ANALYZE organisations, omaolo_services, people")
            let service = try await connection.query("SELECT code FROM omaolo_services ORDER BY code LIMIT 1").single().decode(String.self, "code")
            return (agentID, service)
        }
        let app = ConnectionConfiguration(shared.conninfo, overrides: ["dbname": name, "user": "backoffice_app"])
        let (organisationID, ticketID) = try await TestDatabase.withConnection(app) { connection in
            try await connection.executeScript("BEGIN; SET LOCAL ROLE backoffice_county")
            let row = try await connection.query("""
                SELECT t.org_id, t.id FROM tickets t JOIN organisations o ON o.id = t.org_id
                WHERE o.code = 'LOAD-01' AND t.status = 'open' ORDER BY t.number LIMIT 1
                """).single()
            let key = (try row.decode(UUID.self, "org_id"), try row.decode(UUID.self, "id"))
            try await connection.executeScript("ROLLBACK")
            return key
        }
        return QueuePlanDatabase(app: app, organisationID: organisationID, someTicketID: ticketID, agentID: agentID, serviceCode: serviceCode)
    }

    /// Drops the database (a failed run leaves it for a look; the next run drops it first).
    func drop() async throws {
        try await TestDatabase.withConnection { connection in
            try await connection.executeScript("DROP DATABASE \(Self.name) WITH (FORCE)")
        }
    }
}

/// A statement's plan as EXPLAIN (FORMAT JSON) gives it, flattened to its nodes.
struct QueuePlan {
    struct Node {
        let type: String
        let relation: String?
        let index: String?
        let rows: Double
    }

    let nodes: [Node]
    /// One line a node, indented by depth, for failure messages.
    let text: String

    /// EXPLAINs `query` as the connection's role (backoffice_app) in the tenant scope of
    /// `organisation`, or in the county scope when it is nil, as the store runs it.
    static func explain(_ query: PostgresQuery, in organisation: UUID?, on connection: Connection) async throws -> QueuePlan {
        try await connection.executeScript("BEGIN")
        if let organisation {
            _ = try await connection.query("SELECT set_config('app.org_id', \(organisation.uuidString.lowercased()), true)")
        } else {
            try await connection.executeScript("SET LOCAL ROLE backoffice_county")
        }
        var explain: PostgresQuery = "EXPLAIN (FORMAT JSON) "
        explain.append(query)
        let text = try await connection.query(explain).single().decode(String.self, "QUERY PLAN")
        try await connection.executeScript("ROLLBACK")
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        var nodes: [Node] = []
        var lines: [String] = []
        func walk(_ plan: [String: Any], depth: Int) {
            let node = Node(
                type: plan["Node Type"] as? String ?? "", relation: plan["Relation Name"] as? String,
                index: plan["Index Name"] as? String, rows: (plan["Plan Rows"] as? NSNumber)?.doubleValue ?? 0)
            nodes.append(node)
            lines.append(String(repeating: "  ", count: depth) + [node.type, node.index ?? node.relation ?? "", "rows=\(Int(node.rows))"].joined(separator: " "))
            for child in plan["Plans"] as? [[String: Any]] ?? [] { walk(child, depth: depth + 1) }
        }
        for statement in document ?? [] { if let plan = statement["Plan"] as? [String: Any] { walk(plan, depth: 0) } }
        return QueuePlan(nodes: nodes, text: lines.joined(separator: "\n"))
    }
}
