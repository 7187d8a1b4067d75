import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import BackOfficeWeb
import Foundation
import Postgres
import Testing

@Suite("Web sessions end when they should, against the database")
struct SessionEndingTests {
    @Test func aNewPasswordEndsEverySessionOfThePerson() async throws {
        let fixture = try await LoginFixture.make()
        let member = fixture.access.member
        let first = try await fixture.logIn(member).secret
        let second = try await fixture.logIn(member).secret
        let someoneElse = try await fixture.logIn(fixture.access.adminA).secret
        #expect(try await fixture.storedSessions(of: member) == 2)

        try await fixture.service.setPassword("Uusi-salasana-2026", email: member.email.uppercased())
        #expect(try await fixture.service.signedIn(secret: first) == nil)
        #expect(try await fixture.service.signedIn(secret: second) == nil)
        #expect(try await fixture.storedSessions(of: member) == 0)
        #expect(try await fixture.service.signedIn(secret: someoneElse) != nil)
        await #expect(throws: LoginRefusal.wrongCredentials) { try await fixture.logIn(member) }
        let renewed = try await fixture.service.logIn(email: member.email, password: "Uusi-salasana-2026", clientAddress: fixture.address)
        #expect(renewed.signedIn.person.id == member.id)

        let audit = try await fixture.audit(about: member.id.uuidString.lowercased())
        #expect(audit.filter { $0.action == "person.set_password" }.count == 2)
        #expect(audit.allSatisfy { !$0.row.contains("Uusi-salasana") && !$0.row.contains("$2b$") })
        await fixture.app.close()
    }

    @Test func aPasswordIsRefusedWhenShortOrTheEmailsNamePart() async throws {
        let fixture = try await LoginFixture.make()
        let member = fixture.access.member
        let namePart = String(member.email.prefix { $0 != "@" })
        for (password, reason) in [
            ("lyhyt-1234", "must be at least 12 characters"),
            (namePart.uppercased(), "must not be your e-mail address or its name part"),
            (member.email, "must not be your e-mail address or its name part"),
        ] {
            let refusal = await #expect(throws: BackOfficeError.self) {
                try await fixture.service.setPassword(password, email: member.email)
            }
            #expect(refusal == .invalid("password", reason))
        }
        let unknown = await #expect(throws: BackOfficeError.self) {
            try await fixture.service.setPassword("Kelpaava-salasana-1", email: "ei-ketaan@example.fi")
        }
        #expect(unknown == .notFound("person ei-ketaan@example.fi"))
        #expect(try await fixture.logIn(member).signedIn.person.id == member.id)
        await fixture.app.close()
    }

    @Test func deactivatingAPersonEndsTheirSessions() async throws {
        let fixture = try await LoginFixture.make()
        let member = fixture.access.member
        let secret = try await fixture.logIn(member).secret
        let roles = RoleService(store: fixture.access.store)
        let countyAdmin = try await roles.principal(email: fixture.access.countyAdmin.email, interface: .cli)
        try await roles.deactivatePerson(member.email, reason: "lähti talosta", by: countyAdmin)
        #expect(try await fixture.storedSessions(of: member) == 0)
        #expect(try await fixture.service.signedIn(secret: secret) == nil)
        await #expect(throws: LoginRefusal.wrongCredentials) { try await fixture.logIn(member) }
        await fixture.app.close()
    }

    @Test func aSessionEndsAfterItsIdleTime() async throws {
        let fixture = try await LoginFixture.make()
        let start = fixture.start
        let secret = try await fixture.logIn(fixture.access.member).secret
        fixture.clock.set(start.addingTimeInterval(7 * 3600))
        #expect(try await fixture.service.signedIn(secret: secret) != nil)
        fixture.clock.set(start.addingTimeInterval(14 * 3600))
        #expect(try await fixture.service.signedIn(secret: secret) != nil, "the use at 7 h moved the idle end")
        fixture.clock.set(start.addingTimeInterval(22 * 3600))
        #expect(try await fixture.service.signedIn(secret: secret) == nil, "8 h after the last use")
        #expect(try await fixture.storedSessions(of: fixture.access.member) == 0)
        await fixture.app.close()
    }

    @Test func aSessionEndsAtItsAbsoluteExpiryHoweverMuchItIsUsed() async throws {
        let fixture = try await LoginFixture.make()
        let start = fixture.start
        let secret = try await fixture.logIn(fixture.access.member).secret
        for hours in [7.0, 14, 21, 24 - 1.0 / 3600] {
            fixture.clock.set(start.addingTimeInterval(hours * 3600))
            #expect(try await fixture.service.signedIn(secret: secret) != nil, "\(hours) h after login")
        }
        fixture.clock.set(start.addingTimeInterval(24 * 3600))
        #expect(try await fixture.service.signedIn(secret: secret) == nil)
        #expect(try await fixture.storedSessions(of: fixture.access.member) == 0)
        await fixture.app.close()
    }

    @Test func theDemoSeedsPasswordIsHashedOnceAndGivenOnlyToThoseWithout() async throws {
        let fixture = try await LoginFixture.make()
        let store = PostgresWebSessionStore(pool: fixture.app)
        let newcomers = [fixture.access.adminB, fixture.access.countyAdmin]
        var hashes = 0
        let given = try await store.giveMissingPasswords(emails: (newcomers + [fixture.access.member]).map(\.email)) {
            hashes += 1
            return try await BcryptPasswordHasher(cost: 4).hash("Demo-salasana-2026")
        }
        #expect(given == 2 && hashes == 1)
        let again = try await store.giveMissingPasswords(emails: newcomers.map(\.email)) {
            hashes += 1
            return "ei käytetä"
        }
        #expect(again == 0 && hashes == 1)
        for person in newcomers {
            let login = try await fixture.service.logIn(email: person.email, password: "Demo-salasana-2026", clientAddress: fixture.address)
            #expect(login.signedIn.person.id == person.id)
        }
        #expect(try await fixture.logIn(fixture.access.member).signedIn.person.id == fixture.access.member.id)
        await fixture.app.close()
    }
}
