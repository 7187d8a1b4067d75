import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Postgres
import PostgresTestSupport
import Testing

/// The desk's tools as plain forms, without JavaScript: "all on this page" on the queue, a
/// bulk form refused whole, and a canned reply inserted by the picker's button.
@Suite struct DeskToolsPagesTests {
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    static let ticket = NewTicket(subject: "Tulostus ei toimi", description: "", category: "technical_fault", channel: "phone")

    /// Every value of the hidden fields `name` on the page.
    static func hiddenValues(_ name: String, in page: Page) -> [String] {
        page.html.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func allOnThePageActsOnEveryRowAndARefusalComesBackBesideItsField() async throws {
        let fixture = try await TicketFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: fixture.access.adminA.email)
        let admin = try await fixture.principal(fixture.access.adminA)
        let made = [try await fixture.service.create(Self.ticket, in: fixture.access.orgA.code, by: admin).ticket,
                    try await fixture.service.create(Self.ticket, in: fixture.access.orgA.code, by: admin).ticket]
        try await app.withBrowser { browser in
            _ = try await browser.logIn(fixture.access.adminA.email, Self.password)
            let queue = try await browser.get("/tickets")
            let token = try #require(queue.hidden("csrf_token"))
            let page = Self.hiddenValues("page_ticket", in: queue)
            #expect(Set(page) == Set(made.map { "\($0.reference)@1" }))
            #expect(queue.html.contains("value=\"\(made[0].reference)@1\" form=\"bulk-form\""))

            let refused = try await browser.post("/tickets/bulk", [("csrf_token", token), ("back", "/tickets")]
                + page.map { ("page_ticket", $0) } + [("all_on_page", "1"), ("action", "priority"), ("priority", "critical"), ("reason", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("Mitään ei muutettu"))
            let reasonField = try #require(refused.html.range(of: "id=\"bulk-reason\""))
            #expect(refused.html[reasonField.upperBound...].prefix(120).contains("<p class=\"field-error\">Pakollinen tieto.</p>"))
            #expect(Set(Self.hiddenValues("ticket", in: refused)) == Set(page))

            let done = try await browser.post("/tickets/bulk", [("csrf_token", token), ("back", "/tickets?queue=mine")]
                + page.map { ("page_ticket", $0) } + [("all_on_page", "1"), ("action", "priority"), ("priority", "critical"),
                                                      ("reason", "Koko organisaation häiriö")])
            #expect(done.status == .ok)
            #expect(done.html.contains("Muutettu 2, ennallaan 0, hylätty 0."))
            #expect(done.html.contains("href=\"/tickets?queue=mine\""))
            for ticket in made {
                #expect(try await fixture.service.ticket(ticket.reference, in: fixture.access.orgA.code, for: admin).priority == .critical)
            }
        }
    }

    @Test func thePickersButtonPutsTheFilledReplyAfterWhatWasTyped() async throws {
        let fixture = try await TicketFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: fixture.access.adminA.email)
        let admin = try await fixture.principal(fixture.access.adminA)
        let ticket = try await fixture.service.create(Self.ticket, in: fixture.access.orgA.code, by: admin).ticket
        let replies = CannedReplyService(
            store: PostgresCannedReplyStore(pool: app.pool), access: RoleService(store: fixture.access.store), tickets: fixture.service)
        let reply = try await replies.create(
            CannedReplyFields(title: "Tulostin", bodyFinnish: "Hei, tukipyyntö {{viite}} ({{aihe}}) on työn alla."),
            in: fixture.access.orgA.code, by: admin)
        let id = reply.id.uuidString.lowercased()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(fixture.access.adminA.email, Self.password)
            let page = try await browser.get("/tickets/\(ticket.reference)")
            #expect(page.html.contains("<option value=\"\(id)\">Tulostin (\(fixture.access.orgA.code))</option>"))
            let token = try #require(page.hidden("csrf_token"))
            let inserted = try await browser.post("/tickets/\(ticket.reference)/canned-reply", [
                ("csrf_token", token), ("body", "Kiitos soitosta."), ("visibility", "public"), ("canned_reply", id), ("canned_language", "fi"),
            ])
            #expect(inserted.status == .ok)
            #expect(inserted.html.contains(
                ">Kiitos soitosta.\n\nHei, tukipyyntö \(ticket.reference) (Tulostus ei toimi) on työn alla.</textarea>"))
            #expect(inserted.html.contains("value=\"public\" data-shortcut=\"public\" checked"))
            let json = try await browser.post("/tickets/\(ticket.reference)/canned-replies/\(id)/fill", [("csrf_token", token), ("language", "en")])
            #expect(json.status == .ok && json.headers[.contentType] == "application/json")
            let body = try JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [String: String]
            #expect(body?["body"] == "Hei, tukipyyntö \(ticket.reference) (Tulostus ei toimi) on työn alla." && body?["language"] == "fi")
            #expect(try await replies.reply(reply.id, for: admin).useCount == 2)
        }
    }
}
