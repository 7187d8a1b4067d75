import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import BackOfficeWeb
import Foundation
import Postgres
import PostgresTestSupport

/// The people of an `AccessFixture` with a password each (the org admin of A and the plain
/// member), a login service on a clock stopped at `start` (now, in whole seconds, so that
/// times survive PostgreSQL's microseconds exactly) for the test to move, and a client
/// address no other test uses.
struct LoginFixture {
    static let password = "Kevät-aurinko-2026"

    let app: ConnectionPool
    let access: AccessFixture
    let clock: SettableClock
    let start: Date
    let service: LoginService
    let address = "test-\(UUID().uuidString.lowercased())"

    /// A fixture on a pool of its own, which the test closes.
    static func make() async throws -> LoginFixture {
        let app = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        let access = try await AccessFixture.make(app: app)
        let clock = SettableClock()
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        clock.set(start)
        let service = LoginService(
            store: PostgresWebSessionStore(pool: app), access: RoleService(store: access.store),
            hasher: BcryptPasswordHasher(cost: 4), clock: { clock.now })
        for person in [access.adminA, access.member] {
            try await service.setPassword(password, email: person.email)
        }
        return LoginFixture(app: app, access: access, clock: clock, start: start, service: service)
    }

    /// Logs `person` in with the fixture's password from the fixture's address.
    func logIn(_ person: Person) async throws -> (secret: String, signedIn: SignedIn) {
        try await service.logIn(email: person.email, password: Self.password, clientAddress: address)
    }

    /// The county's audit rows about `object`, or about failed logins from the fixture's
    /// address, as action and the whole row in JSON.
    func audit(about object: String) async throws -> [(action: String, row: String)] {
        let county = try await app.withTransaction { transaction in
            try await transaction.query("SELECT id FROM organisations WHERE kind = 'county'").single().decode(UUID.self, "id")
        }
        return try await app.withTenant(county) { transaction in
            try await transaction.query("""
                SELECT a.action, row_to_json(a)::text AS row FROM audit_log a
                WHERE a.org_id = \(county) AND (a.object_id = \(object) OR a.after ->> 'client_address' = \(address))
                ORDER BY a.at
                """).map { (try $0.decode(String.self, "action"), try $0.decode(String.self, "row")) }
        }
    }

    /// How many sessions of `person` the table holds, expired ones too.
    func storedSessions(of person: Person) async throws -> Int {
        try await app.withTransaction { transaction in
            try await transaction.query("SELECT count(*) AS n FROM web_sessions WHERE person_id = \(person.id)")
                .single().decode(Int.self, "n")
        }
    }
}
