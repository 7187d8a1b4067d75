import BackOffice
import BackOfficePostgres
import Foundation
import Postgres
import PostgresTestSupport

/// Two organisations with an org_admin each, a plain member of A and a county admin, all with
/// random codes and addresses, made through the store as the system (no actor).
public struct AccessFixture: Sendable {
    public let store: PostgresAccessStore
    public let orgA: Organisation
    public let orgB: Organisation
    public let adminA: Person
    public let adminB: Person
    public let member: Person
    public let countyAdmin: Person
    public let adminGrantA: RoleGrant

    public static func make(app: ConnectionPool) async throws -> AccessFixture {
        let store = PostgresAccessStore(pool: app)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let (codeA, codeB) = try await app.withTransaction { transaction in
            try await transaction.execute("INSERT INTO regions (code, name) VALUES (\("r_\(suffix)"), 'Testialue')")
            for code in ["A-\(suffix)".uppercased(), "B-\(suffix)".uppercased()] {
                try await transaction.execute("""
                    INSERT INTO organisations (code, name, region_id, kind)
                    SELECT \(code), \("Testiorganisaatio \(code)"), id, 'health_centre' FROM regions WHERE code = \("r_\(suffix)")
                    """)
            }
            return ("A-\(suffix)".uppercased(), "B-\(suffix)".uppercased())
        }
        let orgA = try await store.organisation(code: codeA)!
        let orgB = try await store.organisation(code: codeB)!
        func add(_ name: String, to organisation: Organisation) async throws -> Person {
            try await store.addMember(
                email: "\(name)-\(suffix)@example.fi", fullName: name.capitalized, to: organisation, by: nil, idempotency: nil,
                audit: { _ in AuditEntry(actorID: nil, action: "member.add", objectType: "person", objectID: name,
                                  before: nil, after: nil, reason: nil, interface: .system) }).person
        }
        let adminA = try await add("paakayttaja-a", to: orgA)
        let adminB = try await add("paakayttaja-b", to: orgB)
        let member = try await add("jasen", to: orgA)
        let countyAdmin = try await add("tuotevastaava", to: orgB)
        try await app.withTransaction { transaction in
            try await transaction.execute("""
                INSERT INTO county_role_grants (person_id, role, reason) VALUES (\(countyAdmin.id), 'county_admin', 'testi')
                """)
        }
        let adminGrantA = try await systemGrant(.orgAdmin, to: adminA, in: orgA, store: store)
        _ = try await systemGrant(.orgAdmin, to: adminB, in: orgB, store: store)
        return AccessFixture(store: store, orgA: orgA, orgB: orgB, adminA: adminA, adminB: adminB, member: member,
                             countyAdmin: countyAdmin, adminGrantA: adminGrantA)
    }

    public static func systemGrant(_ role: OrganisationRole, to person: Person, in organisation: Organisation, store: PostgresAccessStore) async throws -> RoleGrant {
        let request = try GrantRules.request(
            personID: person.id, scope: .organisation(organisation.id, role), validFrom: nil, validUntil: nil,
            reason: "perustaminen", now: Date())
        return try await store.grant(request, by: nil, idempotency: nil) { grant in
            AuditEntry(actorID: nil, action: "role.grant", objectType: "role_grant", objectID: grant.id.uuidString.lowercased(),
                       before: nil, after: nil, reason: "perustaminen", interface: .system)
        }.grant
    }
}
