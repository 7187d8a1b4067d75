import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Postgres
import PostgresTestSupport
import Testing

/// Login, sessions, form tokens and headers, through the real router on the test database.
@Suite struct WebSecurityTests {
    let app: WebTestApp
    static let password = "Testisalasana-2026"

    init() throws {
        app = try WebTestApp()
    }

    /// Two organisations (see `AccessFixture`) whose admin of A has a password, and a resident's
    /// ticket in A.
    private func fixture() async throws -> (access: AccessFixture, ticket: Ticket) {
        let access = try await AccessFixture.make(app: app.pool)
        try await app.login.setPassword(Self.password, email: access.adminA.email)
        let roles = RoleService(store: PostgresAccessStore(pool: app.pool))
        let admin = try await roles.principal(email: access.adminA.email, interface: .system)
        let (ticket, _) = try await TicketService(store: PostgresTicketStore(pool: app.pool), access: roles, cursors: HMACCursorSeal(secret: RandomSecret.make())).create(
            NewTicket(subject: "Kirjautuminen ei onnistu", category: "login_and_access", channel: "phone",
                      resident: ResidentContact(name: "Aino Salainen", email: nil, phone: "+358 40 765 4321")),
            in: access.orgA.code, by: admin)
        return (access, ticket)
    }

    @Test func loginMakesANewHttpOnlyLaxSessionWhateverCookieCameBefore() async throws {
        let (access, _) = try await fixture()
        try await app.withBrowser { browser in
            browser.cookies["bo_session"] = "planted-before-login"
            let answer = try await browser.logIn(access.adminA.email, Self.password)
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/tickets")
            let header = try #require(answer.setCookies.first { $0.hasPrefix("bo_session=") })
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            let secret = try #require(answer.cookie("bo_session"))
            #expect(secret != "planted-before-login")
            #expect(secret.count == 43)
            #expect(try await app.login.signedIn(secret: secret)?.person.id == access.adminA.id)
            #expect(try await app.login.signedIn(secret: "planted-before-login") == nil)
            #expect(try await browser.get("/tickets").status == .ok)
        }
    }

    @Test func unknownEmailAndWrongPasswordGetTheSamePage() async throws {
        let (access, _) = try await fixture()
        try await app.withBrowser { browser in
            let unknown = "ei-ketaan-\(UUID().uuidString.prefix(8))@example.fi"
            let wrongPassword = try await browser.logIn(access.adminA.email, "vaara-salasana-123")
            let unknownEmail = try await browser.logIn(unknown, "vaara-salasana-123")
            #expect(wrongPassword.status == .ok)
            #expect(unknownEmail.status == wrongPassword.status)
            #expect(wrongPassword.html.contains("Sähköposti tai salasana on väärin."))
            // The pages differ only in the e-mail typed back into the form.
            #expect(unknownEmail.html.replacingOccurrences(of: unknown, with: "E")
                == wrongPassword.html.replacingOccurrences(of: access.adminA.email, with: "E"))
            #expect(wrongPassword.cookie("bo_session") == nil && unknownEmail.cookie("bo_session") == nil)
        }
    }

    @Test func theSixthFailureWithinTheWindowIsTooManyRequests() async throws {
        let (access, _) = try await fixture()
        try await app.withBrowser { browser in
            for _ in 1...5 {
                #expect(try await browser.logIn(access.adminA.email, "vaara-salasana-123").status == .ok)
            }
            let sixth = try await browser.logIn(access.adminA.email, Self.password)
            #expect(sixth.status == .tooManyRequests)
            let retryAfter = try #require(sixth.headers[.retryAfter].flatMap(Int.init))
            #expect((1...900).contains(retryAfter))
            #expect(sixth.cookie("bo_session") == nil)
        }
    }

    @Test func aFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        let (access, ticket) = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let page = try await browser.get("/tickets/\(ticket.reference)")
            let token = try #require(page.hidden("csrf_token"))
            let path = "/tickets/\(ticket.reference)/comments"
            let missing = try await browser.post(path, [("body", "Ilman lomakeavainta"), ("visibility", "internal")])
            let forged = try await browser.post(path, [("csrf_token", "x" + token.dropFirst()), ("body", "Väärä avain")])
            let crossSite = try await browser.post(
                path, [("csrf_token", token), ("body", "Toiselta sivustolta")], headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            let otherOrigin = try await browser.post(
                path, [("csrf_token", token), ("body", "Vieras alkuperä")], headers: [.origin: "https://evil.example"])
            for refused in [missing, forged, crossSite, otherOrigin] {
                #expect(refused.status == .forbidden)
                #expect(refused.html.contains("Lomake on vanhentunut"))
            }
            let after = try await browser.get("/tickets/\(ticket.reference)")
            #expect(!after.html.contains("Ilman lomakeavainta") && !after.html.contains("Väärä avain"))
            #expect(!after.html.contains("Toiselta sivustolta") && !after.html.contains("Vieras alkuperä"))
            let sent = try await browser.post(path, [("csrf_token", token), ("body", "Lomakkeelta oikein"), ("visibility", "internal")])
            #expect(sent.status == .seeOther)
            #expect(try await browser.get("/tickets/\(ticket.reference)").html.contains("Lomakkeelta oikein"))
        }
    }

    @Test func pagesCarryTheSecurityHeaders() async throws {
        try await app.withBrowser { browser in
            let page = try await browser.get("/login")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(!page.html.contains("<script>") && !page.html.contains("style="))
        }
    }

    @Test func aResidentsNameAndPhoneNeverReachTheQueue() async throws {
        let (access, ticket) = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminA.email, Self.password)
            let queue = try await browser.get("/tickets")
            #expect(queue.status == .ok)
            #expect(queue.html.contains(ticket.reference))
            #expect(!queue.html.contains("Aino Salainen") && !queue.html.contains("765 4321"))
            let page = try await browser.get("/tickets/\(ticket.reference)")
            #expect(!page.html.contains("Aino Salainen"))
        }
    }

    @Test func logoutEndsTheSessionOnTheServer() async throws {
        let (access, _) = try await fixture()
        try await app.withBrowser { browser in
            let login = try await browser.logIn(access.adminA.email, Self.password)
            let secret = try #require(login.cookie("bo_session"))
            let token = try #require(try await browser.get("/tickets").hidden("csrf_token"))
            let out = try await browser.post("/logout", [("csrf_token", token)])
            #expect(out.status == .seeOther)
            #expect(try await app.login.signedIn(secret: secret) == nil)
            browser.cookies["bo_session"] = secret
            let after = try await browser.get("/tickets")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func anotherOrganisationsTicketIsTheSameNotFoundPageAsNoTicket() async throws {
        let (access, _) = try await fixture()
        try await app.login.setPassword(Self.password, email: access.adminB.email)
        let (_, ticketOfA) = try await fixture()
        try await app.withBrowser { browser in
            _ = try await browser.logIn(access.adminB.email, Self.password)
            let other = try await browser.get("/tickets/\(ticketOfA.reference)")
            let none = try await browser.get("/tickets/\(access.orgB.code)-999999")
            #expect(other.status == .notFound && none.status == .notFound)
            // The same page but for the address that the language links lead back to.
            #expect(other.html.replacingOccurrences(of: ticketOfA.reference, with: "REF")
                == none.html.replacingOccurrences(of: "\(access.orgB.code)-999999", with: "REF"))
        }
    }
}
