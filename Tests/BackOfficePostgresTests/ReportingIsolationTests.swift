import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Reporting logins see their scope only, read only the reporting views, write nothing")
struct ReportingIsolationTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    /// Per view, its rows in the fixture's region: the organisation codes in it, or for the
    /// per-region views the region and the population they count.
    func seen(on connection: Connection, region: String) async throws -> [String: [String]] {
        var seen: [String: [String]] = [:]
        for report in ReportName.allCases {
            let value = switch report {
            case .deploymentCoverage: "region_code || ':' || population_total"
            case .usageRegionMonthly: "region_code || ':' || population_served"
            case .ticketsRegionMonthly: "region_code || ':' || sum(opened) OVER ()"
            default: "org_code"
            }
            let rows = try await connection.query(PostgresQuery(
                "SELECT DISTINCT \(value) AS v FROM reporting.\(report.rawValue) WHERE region_code = $1 ORDER BY 1",
                parameters: [region]))
            seen[report.rawValue] = try rows.map { try $0.decode(String.self, "v") }
        }
        return seen
    }

    @Test func anOrganisationsLoginSeesOnlyThatOrganisationInEveryView() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            try await login.withConnection { connection in
                let seen = try await seen(on: connection, region: fixture.regionCode)
                for report in ReportName.allCases {
                    let expected = report.hasOrganisation ? [fixture.codeA]
                        : ["\(fixture.regionCode):\(report == .ticketsRegionMonthly ? 5 : 2000)"]
                    #expect(seen[report.rawValue] == expected, "\(report.rawValue)")
                }
                // Nothing of any other organisation anywhere, not only in the fixture's region.
                for report in ReportName.allCases where report.hasOrganisation {
                    let others = try await connection.query(PostgresQuery(
                        "SELECT count(*) AS n FROM reporting.\(report.rawValue) WHERE org_code <> $1", parameters: [fixture.codeA]))
                        .single().decode(Int.self, "n")
                    #expect(others == 0, "\(report.rawValue)")
                }

                // A tenant setting, at session or transaction level, changes nothing.
                try await connection.execute("SELECT set_config('app.org_id', \(fixture.orgB.uuidString.lowercased()), false)")
                #expect(try await self.seen(on: connection, region: fixture.regionCode) == seen)
                try await connection.withTransaction { transaction in
                    try await transaction.execute("SELECT set_config('app.org_id', \(fixture.orgB.uuidString.lowercased()), true)")
                    #expect(try await self.seen(on: transaction.connection, region: fixture.regionCode) == seen)
                }

                // Becoming the group role leaves no scope at all; the views' owner cannot be become.
                try await connection.execute("SET ROLE backoffice_reporting")
                let asGroup = try await connection.query("SELECT count(*) AS n FROM reporting.ticket_facts").single().decode(Int.self, "n")
                #expect(asGroup == 0)
                try await connection.execute("RESET ROLE")
                let owner = await #expect(throws: PostgresError.self) {
                    try await connection.execute("SET ROLE backoffice_reporting_views")
                }
                #expect(owner?.sqlState == .insufficientPrivilege)
            }
        }
        await app.close()
    }

    @Test func aCountyLoginSeesEveryOrganisation() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        try await TestReportingLogin.with(county: true) { login in
            try await login.withConnection { connection in
                let seen = try await seen(on: connection, region: fixture.regionCode)
                for report in ReportName.allCases {
                    let expected = report.hasOrganisation ? [fixture.codeA, fixture.codeB]
                        : ["\(fixture.regionCode):\(report == .ticketsRegionMonthly ? 6 : 5000)"]
                    #expect(seen[report.rawValue] == expected, "\(report.rawValue)")
                }
                // Organisations are never deleted, so every one that exists now is in scope.
                let existing = try await TestDatabase.withConnection { owner in
                    try await owner.query("SELECT id FROM organisations").map { try $0.decode(UUID.self, "id") }
                }
                let scoped = try await connection.query("SELECT org_id FROM reporting.my_scope").map { try $0.decode(UUID.self, "org_id") }
                #expect(Set(existing).isSubset(of: Set(scoped)))
            }
        }
        await app.close()
    }

    @Test(arguments: ["public.tickets", "public.people", "public.ticket_resident_contacts", "public.audit_log",
                      "public.ticket_comments", "public.organisations", "public.training_tasks", "public.usage_monthly",
                      "public.schema_migrations", "reporting.login_scopes"])
    func aLoginReadsNoTableOutsideTheViews(_ table: String) async throws {
        try await TestReportingLogin.with(county: true) { login in
            try await login.withConnection { connection in
                let refused = await #expect(throws: PostgresError.self) {
                    try await connection.query(PostgresQuery(stringLiteral: "SELECT * FROM \(table) LIMIT 1"))
                }
                #expect(refused?.sqlState == .insufficientPrivilege, "\(table): \(String(describing: refused))")
            }
        }
    }

    @Test func aLoginWritesAndCreatesNothing() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        // Views that join several tables are not updatable at all (55000); everything else is
        // refused for want of a privilege (42501).
        let statements: [(String, SQLState)] = [
            ("INSERT INTO reporting.login_scopes (login, county) VALUES (current_user, true)", .insufficientPrivilege),
            ("UPDATE reporting.login_scopes SET county = true", .insufficientPrivilege),
            ("DELETE FROM reporting.login_scopes", .insufficientPrivilege),
            ("TRUNCATE reporting.login_scopes", .insufficientPrivilege),
            ("INSERT INTO reporting.ticket_facts (org_code) VALUES ('X')", SQLState(rawValue: "55000")),
            ("UPDATE reporting.ticket_facts SET status = 'closed'", SQLState(rawValue: "55000")),
            ("DELETE FROM reporting.usage_monthly", SQLState(rawValue: "55000")),
            ("INSERT INTO public.tickets (org_id) VALUES ('\(fixture.orgA.uuidString.lowercased())')", .insufficientPrivilege),
            ("UPDATE public.organisations SET population_served = 0", .insufficientPrivilege),
            ("DELETE FROM public.audit_log", .insufficientPrivilege),
            ("CREATE TABLE reporting.mine (id int)", .insufficientPrivilege),
            ("CREATE TABLE public.mine (id int)", .insufficientPrivilege),
            ("CREATE VIEW reporting.mine AS SELECT 1 AS one", .insufficientPrivilege),
            ("CREATE FUNCTION reporting.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'", .insufficientPrivilege),
            ("CREATE SCHEMA mine", .insufficientPrivilege),
            ("SELECT public.reporting_grant_login('test_rep_sneaky', NULL, NULL, true)", .insufficientPrivilege),
            ("SELECT public.reporting_revoke_login('test_rep_sneaky')", .insufficientPrivilege),
        ]
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            try await login.withConnection { connection in
                for (statement, sqlState) in statements {
                    let refused = await #expect(throws: PostgresError.self, "\(statement)") {
                        try await connection.execute(PostgresQuery(stringLiteral: statement))
                    }
                    #expect(refused?.sqlState == sqlState, "\(statement): \(String(describing: refused))")
                }
                let writable = try await connection.query("""
                    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'p', 'v', 'm')
                      AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                    """).map { try $0.decode(String.self, "name") }
                #expect(writable == [])
            }
        }
        await app.close()
    }

    @Test func aLoginIsAnInheritingMemberOfTheReportingGroupOnly() async throws {
        try await TestReportingLogin.with(county: true) { login in
            let attributes = try await TestDatabase.withConnection { owner in
                try await owner.query("""
                    SELECT r.rolcanlogin AND r.rolinherit AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb
                                                                  OR r.rolreplication OR r.rolbypassrls) AS plain,
                           array(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                 WHERE m.member = r.oid ORDER BY 1) AS groups
                    FROM pg_roles r WHERE r.rolname = \(login.name)
                    """).single()
            }
            #expect(try attributes.decode(Bool.self, "plain"))
            #expect(try attributes.decode([String].self, "groups") == ["backoffice_reporting"])
        }
    }

    @Test func theViewsOwnerMayOnlyReadAndOnlyThroughItsPolicies() async throws {
        let rows = try await TestDatabase.withConnection { owner in
            try await owner.query("""
                SELECT r.rolcanlogin, r.rolsuper, r.rolbypassrls,
                       (SELECT count(*) FROM pg_auth_members m WHERE m.roleid = r.oid
                          AND m.member <> (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS other_members,
                       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'p')
                          AND has_table_privilege(r.oid, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')) AS writable,
                       has_schema_privilege(r.oid, 'reporting', 'CREATE') OR has_schema_privilege(r.oid, 'public', 'CREATE') AS creates,
                       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'reporting' AND c.relkind = 'v' AND c.relowner = r.oid
                          AND NOT ('security_barrier=true' = ANY (coalesce(c.reloptions, '{}')))) AS without_barrier,
                       has_column_privilege(r.oid, 'public.tickets', 'subject', 'SELECT')
                           OR has_column_privilege(r.oid, 'public.tickets', 'description', 'SELECT')
                           OR has_table_privilege(r.oid, 'public.ticket_resident_contacts', 'SELECT')
                           OR has_table_privilege(r.oid, 'public.ticket_comments', 'SELECT')
                           OR has_table_privilege(r.oid, 'public.people', 'SELECT') AS personal
                FROM pg_roles r WHERE r.rolname = 'backoffice_reporting_views'
                """).single()
        }
        #expect(try rows.decode(Bool.self, "rolcanlogin") == false)
        #expect(try rows.decode(Bool.self, "rolsuper") == false)
        #expect(try rows.decode(Bool.self, "rolbypassrls") == false)
        #expect(try rows.decode(Int.self, "other_members") == 0)
        #expect(try rows.decode(Int.self, "writable") == 0)
        #expect(try rows.decode(Bool.self, "creates") == false)
        #expect(try rows.decode(Int.self, "without_barrier") == 0)
        #expect(try rows.decode(Bool.self, "personal") == false)
    }

    @Test func noReportingViewHasAColumnOfPersonalData() async throws {
        let columns = try await TestDatabase.withConnection { owner in
            try await owner.query("""
                SELECT table_name || '.' || column_name AS name FROM information_schema.columns
                WHERE table_schema = 'reporting' AND table_name <> 'login_scopes'
                  AND column_name ~ '(subject|description|body|name$|email|phone|person|reporter_person|assignee)'
                  AND column_name NOT IN ('org_name', 'region_name', 'service_name_fi')
                """).map { try $0.decode(String.self, "name") }
        }
        #expect(columns == [])
    }
}
