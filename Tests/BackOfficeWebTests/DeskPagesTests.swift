import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Postgres
import PostgresTestSupport
import Testing

/// The desk's tools through the pages' routes: saving a view, merging from the ticket page,
/// and the presence endpoint the ticket page's script polls.
@Suite struct DeskPagesTests {
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    /// The fixture with web passwords for the org admin of A and the county support agent,
    /// and two resident tickets of A (an original and its duplicate).
    private func desk() async throws -> (fixture: TicketFixture, original: Ticket, duplicate: Ticket) {
        let fixture = try await TicketFixture.make(app: app.pool)
        for person in [fixture.access.adminA, fixture.supportAgent, fixture.access.adminB] {
            try await app.login.setPassword(Self.password, email: person.email)
        }
        let agent = try await fixture.principal(fixture.supportAgent)
        var new = NewTicket(subject: "Kirjautuminen ei onnistu", description: "", category: "login_and_access", channel: "phone")
        new.resident = ResidentContact(name: "Aino Asukas", email: nil, phone: "+358 40 123 4567")
        let original = try await fixture.service.create(new, in: fixture.access.orgA.code, by: agent).ticket
        let duplicate = try await fixture.service.create(new, in: fixture.access.orgA.code, by: agent).ticket
        return (fixture, original, duplicate)
    }

    @Test func presenceShowsWhoElseIsOnTheTicketAndIsRefusedAcrossOrganisations() async throws {
        let (fixture, original, _) = try await desk()
        try await app.withBrowser { teemu in
            _ = try await teemu.logIn(fixture.supportAgent.email, Self.password)
            let page = try await teemu.get("/tickets/\(original.reference)")
            #expect(page.html.contains("data-presence=\"/tickets/\(original.reference)/presence\""))
            #expect(page.html.contains("/static/presence.js"))
            let token = try #require(page.hidden("csrf_token"))
            let alone = try await teemu.post("/tickets/\(original.reference)/presence", [("csrf_token", token), ("writing", "1")])
            #expect(alone.status == .ok && alone.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(alone.html == #"{"others":[]}"#)
            // without the form token, or from another site, nothing is noted
            #expect(try await teemu.post("/tickets/\(original.reference)/presence", [("writing", "1")]).status == .forbidden)
            #expect(try await teemu.post("/tickets/\(original.reference)/presence", [("csrf_token", token)],
                                         headers: [.origin: "https://evil.example"]).status == .forbidden)
            var admin = Browser(client: teemu.client)
            _ = try await admin.logIn(fixture.access.adminA.email, Self.password)
            let adminPage = try await admin.get("/tickets/\(original.reference)")
            let adminToken = try #require(adminPage.hidden("csrf_token"))
            let seen = try await admin.post("/tickets/\(original.reference)/presence", [("csrf_token", adminToken)])
            let answer = try JSONSerialization.jsonObject(with: Data(seen.html.utf8)) as? [String: [[String: Any]]]
            let others = try #require(answer?["others"])
            #expect(others.count == 1)
            #expect(others.first?["writing"] as? Bool == true)
            #expect(others.first?["text"] as? String == "Tukihenkilo kirjoittaa vastausta")
            // the page closed: gone at once
            #expect(try await teemu.post("/tickets/\(original.reference)/presence", [("csrf_token", token), ("left", "1")]).status == .noContent)
            let afterLeaving = try await admin.post("/tickets/\(original.reference)/presence", [("csrf_token", adminToken)])
            #expect(afterLeaving.html == #"{"others":[]}"#)
            // another organisation's admin: the ticket is not there for them
            var other = Browser(client: teemu.client)
            _ = try await other.logIn(fixture.access.adminB.email, Self.password)
            let own = try await other.get("/tickets")
            let otherToken = try #require(own.hidden("csrf_token"))
            let refused = try await other.post("/tickets/\(original.reference)/presence", [("csrf_token", otherToken)])
            #expect(refused.status == .notFound)
        }
    }

    @Test func aViewSavedFromTheQueueIsListedWithItsCountAndABadNameComesBackBesideTheField() async throws {
        let (fixture, _, _) = try await desk()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(fixture.access.adminA.email, Self.password)
            let queue = try await browser.get("/tickets?priority=normal")
            #expect(queue.html.contains("action=\"/views\""))
            let token = try #require(queue.hidden("csrf_token"))
            let refused = try await browser.post("/views", [("csrf_token", token), ("name", ""), ("priority", "normal")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("view-name-error") && refused.html.contains("Pakollinen tieto."))
            #expect(refused.html.contains("name=\"priority\" value=\"normal\""))
            let saved = try await browser.post("/views", [("csrf_token", token), ("name", "Normaalit"), ("priority", "normal")])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/tickets?priority=normal")
            let after = try await browser.get("/tickets?priority=normal")
            #expect(after.html.contains(#"<a href="/tickets?priority=normal" aria-current="page">Normaalit <span class="count">2</span></a>"#))
            let list = try await browser.get("/views")
            #expect(list.status == .ok && list.html.contains("Normaalit"))
        }
    }

    @Test func countsPastTheCapShowTheCapAndAPlusInBothLanguages() async throws {
        let app = try WebTestApp(countCap: 1)
        let fixture = try await TicketFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: fixture.access.adminA.email)
        let admin = try await fixture.principal(fixture.access.adminA)
        var new = NewTicket(subject: "Tulostin ei tulosta", description: "", category: "technical_fault", channel: "phone")
        new.priority = "high"
        for _ in 1...2 { _ = try await fixture.service.create(new, in: fixture.access.orgA.code, by: admin) }
        try await app.withBrowser { browser in
            _ = try await browser.logIn(fixture.access.adminA.email, Self.password)
            let queue = try await browser.get("/tickets")
            let token = try #require(queue.hidden("csrf_token"))
            _ = try await browser.post("/views", [("csrf_token", token), ("name", "Kiireelliset"), ("priority", "high")])
            _ = try await browser.post("/views", [("csrf_token", token), ("name", "Kriittiset"), ("priority", "critical")])
            let finnish = try await browser.get("/tickets")
            // two unresolved, unassigned tickets against a cap of one
            #expect(finnish.html.contains(#">Kaikki avoimet <span class="count">1+</span></a>"#), "\(finnish.html)")
            #expect(finnish.html.contains(#">Käsittelijättä <span class="count">1+</span></a>"#))
            #expect(finnish.html.contains(#">Minun <span class="count">0</span></a>"#))
            #expect(finnish.html.contains(#">Kiireelliset <span class="count">1+</span></a>"#))
            #expect(finnish.html.contains(#">Kriittiset <span class="count">0</span></a>"#))
            browser.cookies["lang"] = "en"
            let english = try await browser.get("/tickets")
            #expect(english.html.contains(#">All open <span class="count">1+</span></a>"#))
        }
    }

    @Test func theMergeFormClosesTheDuplicateAndARefusalIsShownBesideTheField() async throws {
        let (fixture, original, duplicate) = try await desk()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(fixture.supportAgent.email, Self.password)
            let page = try await browser.get("/tickets/\(duplicate.reference)")
            let token = try #require(page.hidden("csrf_token"))
            let version = try #require(page.hidden("version"))
            let refused = try await browser.post(
                "/tickets/\(duplicate.reference)/merge", [("csrf_token", token), ("version", version), ("into", duplicate.reference)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("Tukipyyntöä ei voi yhdistää itseensä."))
            #expect(refused.html.contains("value=\"\(duplicate.reference)\""))
            let merged = try await browser.post(
                "/tickets/\(duplicate.reference)/merge", [("csrf_token", token), ("version", version), ("into", original.reference)])
            #expect(merged.status == .seeOther)
            let closed = try await browser.get("/tickets/\(duplicate.reference)")
            #expect(closed.html.contains("merged-notice") && closed.html.contains("href=\"/tickets/\(original.reference)\""))
            #expect(!closed.html.contains("action=\"/tickets/\(duplicate.reference)/merge\""))
        }
    }
}
