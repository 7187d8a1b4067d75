import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("The web pages' reports: the app enters backoffice_web_reports with a scope set per transaction")
struct WebReportScopeTests {
    let app: ConnectionPool

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
    }

    /// Every report of the fixture's region through the app's scoped store equals what a
    /// reporting login of the same scope reads.
    @Test func theAppInAScopeSeesWhatALoginOfThatScopeSees() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let store = PostgresReportStore(pool: app)
        for (scope, organisations, county) in [
            (ReportingScope.organisations([fixture.codeA]), [fixture.codeA], false), (.organisations([fixture.codeB]), [fixture.codeB], false),
            (.county, [], true),
        ] {
            try await TestReportingLogin.with(organisations: organisations, county: county) { login in
                for report in ReportName.allCases {
                    let request = try ReportRequest.validated(name: report.rawValue, region: fixture.regionCode)
                    // Parallel tests add services to the catalogue, which every coverage row lists:
                    // the page counts only when read between two equal reads of the login.
                    var before, page, after: ReportTable
                    var attempts = 0
                    repeat {
                        before = try await login.report(report, region: fixture.regionCode)
                        page = try await store.table(for: request, in: scope)
                        after = try await login.report(report, region: fixture.regionCode)
                        attempts += 1
                    } while before != after && attempts < 5
                    #expect(before == after, "\(report.rawValue): the catalogue kept changing")
                    #expect(page == after, "\(report.rawValue) in \(scope.text)")
                    if county { #expect(!page.rows.isEmpty, "\(report.rawValue)") }
                }
            }
        }
        await app.close()
    }

    @Test func withoutAScopeTheRoleSeesNothingAndNeverABaseTable() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let unscoped = try await app.withTransaction { transaction in
            try await transaction.execute("SET LOCAL ROLE backoffice_web_reports")
            return try await transaction.query("SELECT count(*) AS n FROM reporting.ticket_facts WHERE region_code = \(fixture.regionCode)")
                .single().decode(Int.self, "n")
        }
        #expect(unscoped == 0)
        for table in ["public.tickets", "public.people", "reporting.login_scopes", "reporting.querying_scope"] {
            let refused = await #expect(throws: PostgresError.self, "\(table)") {
                try await app.withTransaction { transaction in
                    try await transaction.execute("SELECT set_config('app.report_scope', 'county', true)")
                    try await transaction.execute("SET LOCAL ROLE backoffice_web_reports")
                    _ = try await transaction.query(PostgresQuery(stringLiteral: "SELECT * FROM \(table) LIMIT 1"))
                }
            }
            #expect(refused?.sqlState == .insufficientPrivilege, "\(table)")
        }
        // The app's own login reads no reporting view: it must enter the role.
        let direct = await #expect(throws: PostgresError.self) {
            try await app.withTransaction { transaction in
                _ = try await transaction.query("SELECT count(*) FROM reporting.ticket_facts")
            }
        }
        #expect(direct?.sqlState == .insufficientPrivilege)
        // The role ends with the transaction: the pooled connection is the app's again.
        let after = try await app.withTransaction { transaction in
            try await transaction.query("SELECT current_user::text AS who").single().decode(String.self, "who")
        }
        #expect(after == "backoffice_app")
        await app.close()
    }

    @Test func aReportingLoginCannotBorrowTheWebScope() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            try await login.withConnection { connection in
                try await connection.execute("SELECT set_config('app.report_scope', 'county', false)")
                let seen = try await connection.query(
                    "SELECT DISTINCT org_code FROM reporting.tickets_monthly WHERE region_code = \(fixture.regionCode)"
                ).map { try $0.decode(String.self, "org_code") }
                #expect(seen == [fixture.codeA])
                let refused = await #expect(throws: PostgresError.self) {
                    try await connection.execute("SET ROLE backoffice_web_reports")
                }
                #expect(refused?.sqlState == .insufficientPrivilege)
            }
        }
        await app.close()
    }

    @Test func theRoleIsNoMoreThanAReportingReader() async throws {
        let row = try await TestDatabase.withConnection { owner in
            try await owner.query("""
                SELECT r.rolcanlogin OR r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb AS powerful,
                       array(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                             WHERE m.member = r.oid ORDER BY 1) AS groups,
                       array(SELECT u.rolname::text FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
                             WHERE m.roleid = r.oid AND u.rolname <> current_user ORDER BY 1) AS members
                FROM pg_roles r WHERE r.rolname = 'backoffice_web_reports'
                """).single()
        }
        #expect(try row.decode(Bool.self, "powerful") == false)
        #expect(try row.decode([String].self, "groups") == ["backoffice_reporting"])
        #expect(try row.decode([String].self, "members") == ["backoffice_app"])
    }
}
