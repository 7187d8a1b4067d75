import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Testing

/// The admins' pages through the real router on the test database: roles granted and
/// refused in words, another organisation's pages as the 404 page, and a usage file refused
/// with every bad line named.
@Suite struct AdminPagesTests {
    /// Each test's app has a pool of two connections, closed when its browser is done.
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    private func fixture() async throws -> AccessFixture {
        let access = try await AccessFixture.make(app: app.pool)
        for person in [access.adminA, access.countyAdmin] { try await app.login.setPassword(Self.password, email: person.email) }
        return access
    }

    @Test func anOrgAdminGrantsARoleWithAReasonAndSeesItListed() async throws {
        let access = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let page = try await browser.get("/orgs/\(access.orgA.code)/members")
            #expect(page.status == .ok)
            let token = try #require(page.hidden("csrf_token"))
            let answer = try await browser.post("/orgs/\(access.orgA.code)/grants", [
                ("csrf_token", token), ("person", access.member.email), ("role", "omaolo_contact"),
                ("valid_from", ""), ("valid_until", ""), ("reason", "Sijaistaa lomien ajan")])
            #expect(answer.status == .seeOther)
            let listed = try await browser.get(answer.headers[.location] ?? "")
            #expect(listed.html.contains("Rooli myönnetty."))
            #expect(listed.html.contains("Sijaistaa lomien ajan"))
        }
    }

    @Test func theLastOrgAdminsRevokeIsRefusedInWords() async throws {
        let access = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.countyAdmin.email, Self.password)
            let token = try #require(try await browser.get("/orgs/\(access.orgA.code)/members").hidden("csrf_token"))
            let refused = try await browser.post(
                "/orgs/\(access.orgA.code)/grants/\(access.adminGrantA.id.uuidString.lowercased())/revoke",
                [("csrf_token", token), ("reason", "Siirtyy muihin tehtäviin")])
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("Organisaation viimeistä pääkäyttäjää ei voi poistaa."))
        }
    }

    @Test func anotherOrganisationsPagesAreTheNotFoundPage() async throws {
        let access = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let other = access.orgB.code
            for path in ["/orgs/\(other)/members", "/orgs/\(other)/training", "/orgs/\(other)/deployments",
                         "/orgs/NO-SUCH-ORG/members", "/people/\(access.adminB.email)"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
            }
        }
    }

    @Test func aUsageFileWithTwoBadLinesIsRefusedNamingBoth() async throws {
        let access = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.countyAdmin.email, Self.password)
            let token = try #require(try await browser.get("/usage").hidden("csrf_token"))
            let csv = """
                organisation,service,month,started,completed,forwarded
                \(access.orgA.code),symptom_back_pain,2026-10,10,9,1
                \(access.orgA.code),symptom_back_pain,2026-13,10,9,1
                \(access.orgA.code),symptom_back_pain,2026-11,10,90,1
                """
            let refused = try await browser.post("/usage", [("csrf_token", token), ("file_name", "huono.csv"), ("contents", csv)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("<td>3</td><td>month</td>"))
            #expect(refused.html.contains("<td>4</td><td>completed</td>"))
        }
    }
}
