import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Postgres
import PostgresTestSupport
import Testing

/// The desk's pages as a browser meets them: the new-ticket form, and the error pages.
@Suite struct WebPagesTests {
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    private func signedInAdmin() async throws -> AccessFixture {
        let access = try await AccessFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: access.adminA.email)
        return access
    }

    @Test func aDoubleSubmittedNewTicketIsOneTicket() async throws {
        let access = try await signedInAdmin()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let form = try await browser.get("/tickets/new")
            let token = try #require(form.hidden("csrf_token"))
            let key = try #require(form.hidden("idempotency_key"))
            let fields = [
                ("csrf_token", token), ("idempotency_key", key), ("organisation", access.orgA.code.lowercased()),
                ("reporter_kind", "resident"), ("resident_name", "Aino Asukas"), ("resident_phone", "040 123 4567"),
                ("category", "login_and_access"), ("channel", "phone"), ("priority", "high"), ("service", ""),
                ("subject", "Kirjautuminen ei onnistu"), ("description", "Soitti kahdesti."),
            ]
            let first = try await browser.post("/tickets/new", fields)
            let second = try await browser.post("/tickets/new", fields)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/tickets/\(access.orgA.code)-1")
            #expect(second.headers[.location] == first.headers[.location])
            let queue = try await browser.get("/tickets")
            #expect(queue.html.components(separatedBy: "<tr data-href=").count - 1 == 1)
        }
    }

    @Test func aRefusedNewTicketComesBackWithWhatWasTypedAndTheReasonInFinnish() async throws {
        let access = try await signedInAdmin()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let form = try await browser.get("/tickets/new")
            let refused = try await browser.post("/tickets/new", [
                ("csrf_token", form.hidden("csrf_token") ?? ""), ("idempotency_key", form.hidden("idempotency_key") ?? ""),
                ("organisation", access.orgA.code), ("reporter_kind", "resident"), ("resident_name", "Aino Asukas"),
                ("resident_phone", "ei numero"), ("category", "other"), ("channel", "phone"), ("priority", "low"),
                ("subject", "Hetu 131052-308T aiheessa"), ("description", "Kuvaus säilyy."),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("Sisältää henkilötunnuksen."))
            #expect(refused.html.contains("Ei ole puhelinnumero"))
            #expect(refused.html.contains("value=\"ei numero\"") && refused.html.contains("Kuvaus säilyy."))
            #expect(refused.html.contains("<option value=\"low\" selected>"))
            let queue = try await browser.get("/tickets")
            #expect(!queue.html.contains("<tr data-href="))
        }
    }

    @Test func someoneWithoutTicketWorkGetsTheForbiddenPage() async throws {
        let access = try await AccessFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: access.member.email)
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.member.email, Self.password)
            let page = try await browser.get("/tickets")
            #expect(page.status == .forbidden)
            #expect(page.html.contains("Ei käyttöoikeutta"))
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func anUnreachableDatabaseIsThe503PageWithRetryAfterAndNoInternals() async throws {
        let down = ConnectionPool(.init(
            connection: ConnectionConfiguration("postgresql://backoffice_app@127.0.0.1:1/backoffice?connect_timeout=2"),
            maximumConnections: 1))
        try await WebTestApp(pool: down).withBrowser { browser in
            browser.cookies["bo_session"] = String(repeating: "x", count: 43)
            let page = try await browser.get("/tickets")
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.retryAfter] != nil)
            #expect(page.html.contains("Tietokantaan ei saada yhteyttä"))
            #expect(!page.html.contains("127.0.0.1") && !page.html.lowercased().contains("postgres"))
        }
    }

    @Test func anUnknownPathIsTheNotFoundPageButTheAPIKeepsItsProblems() async throws {
        try await app.withBrowser { browser in
            let page = try await browser.get("/ei-tallaista-sivua")
            #expect(page.status == .notFound)
            #expect(page.html.contains("Sivua ei löydy"))
            let api = try await browser.get("/api/v1/ei-tallaista")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType] == "application/problem+json")
        }
    }
}
