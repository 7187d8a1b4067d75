import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport

/// Two organisations that both hold a member and a ticket, made afresh with random codes so
/// tests never share rows. Organisations and people are global; the tenant rows are written
/// through the app role, inside each organisation's own tenant scope.
struct TenantFixture {
    let orgA: UUID
    let orgB: UUID
    let person: UUID
    let ticketA: UUID
    let ticketB: UUID

    static func make(app: ConnectionPool) async throws -> TenantFixture {
        let suffix = UUID().uuidString.prefix(8).uppercased()
        let person = UUID()
        let (orgA, orgB) = try await app.withTransaction { transaction in
            try await transaction.execute("""
                INSERT INTO people (id, email, full_name) VALUES (\(person), \("tester-\(suffix)@example.fi"), \("Testi Henkilö"))
                """)
            let region = try await transaction.query("""
                INSERT INTO regions (code, name) VALUES (\("test_\(suffix.lowercased())"), \("Testialue")) RETURNING id
                """).single().decode(UUID.self, "id")
            let a = try await insertOrganisation(code: "TA-\(suffix)", region: region, transaction)
            let b = try await insertOrganisation(code: "TB-\(suffix)", region: region, transaction)
            return (a, b)
        }
        let ticketA = try await addTicket(in: orgA, reporter: person, app: app)
        let ticketB = try await addTicket(in: orgB, reporter: person, app: app)
        return TenantFixture(orgA: orgA, orgB: orgB, person: person, ticketA: ticketA, ticketB: ticketB)
    }

    private static func insertOrganisation(code: String, region: UUID, _ transaction: Transaction) async throws -> UUID {
        try await transaction.query("""
            INSERT INTO organisations (code, name, region_id, kind)
            VALUES (\(code), \("Testiorganisaatio \(code)"), \(region), 'health_centre')
            RETURNING id
            """).single().decode(UUID.self, "id")
    }

    /// A member, the next ticket number and a ticket, in the organisation's tenant scope.
    static func addTicket(in org: UUID, reporter: UUID, app: ConnectionPool) async throws -> UUID {
        try await app.withTenant(org) { transaction in
            try await transaction.execute("""
                INSERT INTO org_members (org_id, person_id) VALUES (\(org), \(reporter)) ON CONFLICT DO NOTHING
                """)
            let number = try await transaction.query("""
                INSERT INTO ticket_counters (org_id, last_number) VALUES (\(org), 1)
                ON CONFLICT (org_id) DO UPDATE SET last_number = ticket_counters.last_number + 1
                RETURNING last_number
                """).single().decode(Int.self, "last_number")
            return try await transaction.query("""
                INSERT INTO tickets (org_id, number, subject, category, channel, reporter_kind, reporter_person_id,
                                     first_response_due_at, resolution_due_at)
                VALUES (\(org), \(number), \("Kirjautuminen ei onnistu"), 'login_and_access', 'phone', 'professional', \(reporter),
                        now() + interval '1 day', now() + interval '5 days')
                RETURNING id
                """).single().decode(UUID.self, "id")
        }
    }
}
