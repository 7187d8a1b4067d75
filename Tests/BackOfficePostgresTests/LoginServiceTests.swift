import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import BackOfficeWeb
import Foundation
import Postgres
import Testing

@Suite("Logging in to the web pages, against the database")
struct LoginServiceTests {
    @Test func aLoginGivesASessionWhoseSecretIsStoredOnlyAsItsHash() async throws {
        let fixture = try await LoginFixture.make()
        let admin = fixture.access.adminA
        let (secret, signedIn) = try await fixture.logIn(admin)
        #expect(signedIn.person.id == admin.id)
        #expect(signedIn.principal.roles(in: fixture.access.orgA.id) == [.orgAdmin])
        #expect(secret.count == 43)
        #expect(signedIn.session.csrfToken.count == 43 && signedIn.session.csrfToken != secret)

        let again = try #require(try await fixture.service.signedIn(secret: secret))
        #expect(again.session.id == signedIn.session.id)
        #expect(again.person == signedIn.person)

        let stored = try await fixture.app.withTransaction { transaction in
            try await transaction.query("""
                SELECT count(*) FILTER (WHERE strpos(s::text, \(secret)) > 0) AS with_secret,
                       count(*) FILTER (WHERE s.id = \(signedIn.session.id) AND s.secret_hash = sha256(convert_to(\(secret), 'UTF8'))) AS hashed
                FROM web_sessions s
                """).single()
        }
        #expect(try stored.decode(Int.self, "with_secret") == 0)
        #expect(try stored.decode(Int.self, "hashed") == 1)

        let audit = try await fixture.audit(about: admin.id.uuidString.lowercased())
        #expect(audit.filter { $0.action == "session.login" }.count == 1)
        #expect(audit.allSatisfy { !$0.row.contains(secret) && !$0.row.contains(LoginFixture.password) })
        await fixture.app.close()
    }

    @Test func aWrongPasswordAndAnUnknownEmailAreRefusedAlikeAndAudited() async throws {
        let fixture = try await LoginFixture.make()
        let admin = fixture.access.adminA
        let wrong = "Väärä-salasana-123"
        let unknown = "ei-ketaan-\(UUID().uuidString.prefix(8))@example.fi"
        for email in [admin.email, unknown] {
            let refusal = await #expect(throws: LoginRefusal.self) {
                try await fixture.service.logIn(email: email, password: wrong, clientAddress: fixture.address)
            }
            #expect(refusal == .wrongCredentials)
        }
        let noPassword = fixture.access.adminB
        let refusal = await #expect(throws: LoginRefusal.self) {
            try await fixture.service.logIn(email: noPassword.email, password: wrong, clientAddress: fixture.address)
        }
        #expect(refusal == .wrongCredentials)

        let audit = try await fixture.audit(about: admin.id.uuidString.lowercased())
        let failed = audit.filter { $0.action == "session.login_failed" }
        #expect(failed.count == 3)
        #expect(failed.filter { $0.row.contains("\"object_id\":\"unknown\"") }.count == 1)
        #expect(failed.filter { $0.row.contains("\"object_id\":\"\(admin.id.uuidString.lowercased())\"") }.count == 1)
        #expect(audit.allSatisfy { !$0.row.contains(wrong) && !$0.row.contains(unknown) })
        await fixture.app.close()
    }

    @Test func theSixthFailureForAnEmailWithinTheWindowIsThrottled() async throws {
        let fixture = try await LoginFixture.make()
        let admin = fixture.access.adminA
        let start = fixture.start
        for attempt in 1...5 {
            await #expect(throws: LoginRefusal.wrongCredentials) {
                try await fixture.service.logIn(
                    email: admin.email.uppercased(), password: "Väärä-salasana-\(attempt)", clientAddress: "\(fixture.address)-\(attempt)")
            }
        }
        fixture.clock.set(start.addingTimeInterval(60))
        let refusal = await #expect(throws: LoginRefusal.self) { try await fixture.logIn(admin) }
        #expect(refusal == .throttled(retryAfterSeconds: 15 * 60 - 60))

        fixture.clock.set(start.addingTimeInterval(15 * 60 + 1))
        #expect(try await fixture.logIn(admin).signedIn.person.id == admin.id)
        await fixture.app.close()
    }

    /// Failures beyond the limit (a lower limit, or attempts that raced) make the wait last
    /// until enough of them have left the window, not only the oldest.
    @Test func theWaitLastsUntilTheFailuresAreBelowTheLimit() async throws {
        let fixture = try await LoginFixture.make()
        let admin = fixture.access.adminA
        for offset in [0.0, 10, 20] {
            fixture.clock.set(fixture.start.addingTimeInterval(offset))
            await #expect(throws: LoginRefusal.wrongCredentials) {
                try await fixture.service.logIn(email: admin.email, password: "Väärä-salasana-123", clientAddress: fixture.address)
            }
        }
        fixture.clock.set(fixture.start.addingTimeInterval(30))
        let clock = fixture.clock
        let stricter = LoginService(
            store: PostgresWebSessionStore(pool: fixture.app), access: RoleService(store: fixture.access.store),
            hasher: BcryptPasswordHasher(cost: 4), settings: SessionSettings(failureLimit: 2), clock: { clock.now })
        let refusal = await #expect(throws: LoginRefusal.self) {
            try await stricter.logIn(email: admin.email, password: LoginFixture.password, clientAddress: fixture.address)
        }
        #expect(refusal == .throttled(retryAfterSeconds: 15 * 60 + 10 - 30))
        await fixture.app.close()
    }

    @Test func theSixthFailureFromAnAddressWithinTheWindowIsThrottledForEveryEmail() async throws {
        let fixture = try await LoginFixture.make()
        for attempt in 1...5 {
            await #expect(throws: LoginRefusal.wrongCredentials) {
                try await fixture.service.logIn(
                    email: "arvaus-\(attempt)-\(UUID().uuidString.prefix(8))@example.fi", password: "Väärä-salasana-123",
                    clientAddress: fixture.address)
            }
        }
        let refusal = await #expect(throws: LoginRefusal.self) { try await fixture.logIn(fixture.access.member) }
        guard case .throttled(let seconds)? = refusal else {
            Issue.record("expected a throttled login, not \(String(describing: refusal))")
            return
        }
        #expect((1...15 * 60).contains(seconds))

        let elsewhere = try await fixture.service.logIn(
            email: fixture.access.member.email, password: LoginFixture.password, clientAddress: "\(fixture.address)-muualla")
        #expect(elsewhere.signedIn.person.id == fixture.access.member.id)
        await fixture.app.close()
    }

    @Test func aLogoutEndsTheSessionAndIsAudited() async throws {
        let fixture = try await LoginFixture.make()
        let member = fixture.access.member
        let (secret, _) = try await fixture.logIn(member)
        try await fixture.service.logOut(secret: secret)
        #expect(try await fixture.service.signedIn(secret: secret) == nil)
        #expect(try await fixture.storedSessions(of: member) == 0)
        try await fixture.service.logOut(secret: secret)

        let audit = try await fixture.audit(about: member.id.uuidString.lowercased())
        #expect(audit.map(\.action).filter { $0.hasPrefix("session.") } == ["session.login", "session.logout"])
        #expect(audit.allSatisfy { !$0.row.contains(secret) })
        await fixture.app.close()
    }
}
