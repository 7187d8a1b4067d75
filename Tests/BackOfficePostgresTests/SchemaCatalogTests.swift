import Postgres
import PostgresTestSupport
import Testing

@Suite("The schema keeps the tenancy rules")
struct SchemaCatalogTests {
    @Test(arguments: SchemaRules.all.map(\.rule))
    func ruleHolds(_ rule: String) async throws {
        let sql = try #require(SchemaRules.all.first { $0.rule == rule }?.sql)
        let violations = try await TestDatabase.withConnection { try await SchemaRules.violations(of: sql, on: $0) }
        #expect(violations == [], "\(rule)")
    }

    @Test func theTenantTablesAreTheOnesTheProductNeeds() async throws {
        let names = try await TestDatabase.withConnection { connection in
            try await connection.query(PostgresQuery(stringLiteral: SchemaRules.tenantTables + " ORDER BY c.relname"))
                .map { try $0.decode(String.self, "relname") }
        }
        for table in ["org_members", "org_role_grants", "tickets", "ticket_comments", "ticket_events", "ticket_counters",
                      "ticket_resident_contacts", "idempotency_keys", "training_tasks", "deployments", "deployment_events",
                      "usage_monthly", "audit_log", "access_log"] {
            #expect(names.contains(table), "\(table) is a tenant table")
        }
        for table in SchemaRules.loginTables {
            #expect(!names.contains(table), "\(table) is global, like api_tokens")
        }
    }

    /// Each rule's query finds a deliberate breach of it, so an empty answer means something.
    @Test func everyRuleCatchesABreach() async throws {
        let breaches: [(rule: String, setup: String, culprit: String)] = [
            (SchemaRules.all[0].rule, "CREATE TABLE breach_open (org_id uuid NOT NULL)", "breach_open"),
            (SchemaRules.all[1].rule,
             "CREATE POLICY breach_no_check ON tickets FOR SELECT TO backoffice_app USING (true)", "tickets.breach_no_check"),
            (SchemaRules.all[2].rule,
             "CREATE TABLE breach_unguarded (org_id uuid NOT NULL); ALTER TABLE breach_unguarded ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY",
             "breach_unguarded (backoffice_app)"),
            (SchemaRules.all[3].rule, "CREATE INDEX breach_by_subject ON tickets (subject, org_id)", "breach_by_subject"),
            (SchemaRules.all[4].rule,
             "CREATE TABLE breach_child (org_id uuid NOT NULL, ticket_number bigint, other_org uuid, FOREIGN KEY (other_org, ticket_number) REFERENCES tickets (org_id, number))",
             "breach_child_other_org_ticket_number_fkey"),
            (SchemaRules.all[7].rule, "CREATE VIEW breach_definer AS SELECT 1 AS one", "public.breach_definer"),
            (SchemaRules.all[8].rule,
             "CREATE FUNCTION breach_definer_fn() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'", "breach_definer_fn"),
            (SchemaRules.all[10].rule,
             "CREATE TABLE breach_readable (id int); GRANT SELECT ON breach_readable TO backoffice_web_reports",
             "public.breach_readable (backoffice_web_reports)"),
            (SchemaRules.all[11].rule, "GRANT SELECT (person_id) ON web_sessions TO backoffice_reporting_views",
             "web_sessions (backoffice_reporting_views)"),
            (SchemaRules.all[12].rule,
             "CREATE VIEW breach_logins WITH (security_invoker = true) AS SELECT email FROM login_failures", "public.breach_logins"),
        ]
        try await TestDatabase.withConnection { (connection: Connection) async throws -> Void in
            for breach in breaches {
                let sql = try #require(SchemaRules.all.first { $0.rule == breach.rule }?.sql)
                await #expect(throws: RollBack.self) {
                    try await connection.withTransaction { transaction in
                        try await transaction.connection.executeScript(breach.setup)
                        let found = try await SchemaRules.violations(of: sql, on: transaction.connection)
                        #expect(found.contains(breach.culprit), "\(breach.rule): \(found)")
                        throw RollBack()
                    }
                }
            }
        }
    }
}
