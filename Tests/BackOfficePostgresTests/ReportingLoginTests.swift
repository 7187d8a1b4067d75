import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite("Reporting logins: granting, re-scoping, listing and revoking")
struct ReportingLoginTests {
    let app: ConnectionPool
    let owner: ConnectionPool
    let service: ReportingLoginService

    init() throws {
        app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 2)
        owner = try TestDatabase.pool(maximumConnections: 1)
        service = ReportingLoginService(store: PostgresReportingLoginStore(pool: owner))
    }

    func close() async {
        await app.close()
        await owner.close()
    }

    func scopeCodes(_ login: TestReportingLogin) async throws -> [String] {
        try await login.withConnection { connection in
            try await connection.query("SELECT org_code FROM reporting.my_scope ORDER BY org_code").map { try $0.decode(String.self, "org_code") }
        }
    }

    @Test func aGrantAgainChangesTheScopeAndTheListShowsIt() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        try await TestReportingLogin.with(organisations: [fixture.codeA]) { login in
            #expect(try await scopeCodes(login) == [fixture.codeA])
            let regranted = try await service.grant(name: login.name, organisationCodes: [fixture.codeB, fixture.codeA.lowercased()], county: false, password: nil)
            #expect(regranted.password == nil, "an existing login keeps its password")
            #expect(try await scopeCodes(login) == [fixture.codeA, fixture.codeB])
            let listed = try await service.logins().first { $0.name == login.name }
            #expect(listed?.scope == .organisations([fixture.codeA, fixture.codeB]))

            _ = try await service.grant(name: login.name, organisationCodes: [], county: true, password: "uusi-salasana-123")
            #expect(try await service.logins().first { $0.name == login.name }?.scope == .county)
        }
        await close()
    }

    @Test func creatingChangingAndDroppingALoginIsAudited() async throws {
        let fixture = try await ReportingFixture.make(app: app)
        let name = "test_rep_" + UUID().uuidString.prefix(8).lowercased()
        _ = try await service.grant(name: name, organisationCodes: [fixture.codeA], county: false, password: nil)
        _ = try await service.grant(name: name, organisationCodes: [], county: true, password: nil)
        try await service.revoke(name: name)
        let audited = try await app.withCountyScope { transaction in
            try await transaction.query("""
                SELECT action, coalesce(before->>'scope', '-') AS before, coalesce(after->>'scope', '-') AS after, interface
                FROM audit_log WHERE object_type = 'reporting_login' AND object_id = \(name) ORDER BY at
                """).map { row in try ["action", "before", "after", "interface"].map { try row.decode(String.self, $0) } }
        }
        #expect(audited == [
            ["reporting_login.create", "-", fixture.codeA, "cli"],
            ["reporting_login.change", fixture.codeA, "county", "cli"],
            ["reporting_login.drop", "county", "-", "cli"],
        ])
        await close()
    }

    @Test func revokingDropsTheRole() async throws {
        let name = try await TestReportingLogin.with(county: true) { $0.name }
        let exists = try await TestDatabase.withConnection { connection in
            try await connection.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = \(name)").single().decode(Int.self, "n")
        }
        #expect(exists == 0)
        #expect(try await service.logins().contains { $0.name == name } == false)
        await #expect(throws: BackOfficeError.notFound("reporting login \(name)")) { try await service.revoke(name: name) }
        await close()
    }

    @Test func badGrantsAreRefusedBeforeAnyRoleIsMade() async throws {
        let name = "test_rep_" + UUID().uuidString.prefix(8).lowercased()
        await #expect(throws: BackOfficeError.invalid("scope", "give either --county or one or more --org codes")) {
            try await service.grant(name: name, organisationCodes: ["OULU-TK"], county: true, password: nil)
        }
        await #expect(throws: BackOfficeError.invalid("scope", "give either --county or one or more --org codes")) {
            try await service.grant(name: name, organisationCodes: [], county: false, password: nil)
        }
        let unknown = await #expect(throws: BackOfficeError.self) {
            try await service.grant(name: name, organisationCodes: ["EI-OLE-\(UUID().uuidString.prefix(8))"], county: false, password: nil)
        }
        #expect(unknown?.description.contains("unknown organisation") == true)
        await #expect(throws: BackOfficeError.invalid("password", "must be 8 to 200 characters without control characters")) {
            try await service.grant(name: name, organisationCodes: [], county: true, password: "lyhyt")
        }
        let roles = try await TestDatabase.withConnection { connection in
            try await connection.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = \(name)").single().decode(Int.self, "n")
        }
        #expect(roles == 0)
        await close()
    }

    @Test func aRoleThatIsNotAReportingLoginIsNeverTouched() async throws {
        let name = "test_rep_plain_" + UUID().uuidString.prefix(8).lowercased()
        try await TestDatabase.withConnection { connection in
            // A role name is an identifier, not a value: this test's own random, checked name.
            try await connection.executeScript("CREATE ROLE \(name) NOLOGIN")
            await #expect(throws: BackOfficeError.conflict("role \(name) exists and is not a reporting login of this database")) {
                try await service.grant(name: name, organisationCodes: [], county: true, password: nil)
            }
            await #expect(throws: BackOfficeError.notFound("reporting login \(name)")) { try await service.revoke(name: name) }
            let kept = try await connection.query("""
                SELECT count(*) AS n FROM pg_roles WHERE rolname = \(name) AND NOT pg_has_role(rolname, 'backoffice_reporting', 'MEMBER')
                """).single().decode(Int.self, "n")
            #expect(kept == 1)
            try await connection.executeScript("DROP ROLE \(name)")
        }
        await close()
    }

    @Test func theFunctionsCheckTheNameThemselves() async throws {
        try await TestDatabase.withConnection { connection in
            for name in ["Robert\"; DROP ROLE backoffice_app; --", "backoffice_app", "pg_monitor", "x"] {
                let refused = await #expect(throws: PostgresError.self) {
                    try await connection.execute("SELECT reporting_grant_login(\(name), NULL, NULL, true)")
                }
                #expect(refused?.sqlState?.rawValue == "22023", "\(name)")
            }
            let plain = await #expect(throws: PostgresError.self) {
                try await connection.execute("SELECT reporting_grant_login('test_rep_plain', 'salasana', NULL, true)")
            }
            #expect(plain?.message.contains("SCRAM") == true)
        }
        await close()
    }
}
