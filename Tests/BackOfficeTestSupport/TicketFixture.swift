import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// The people of `AccessFixture` plus what tickets need: two professionals of A (the
/// fixture's member and one more), an Omaolo contact of A and a county support agent; and a
/// ticket service on a clock the test sets.
public struct TicketFixture: Sendable {
    public let access: AccessFixture
    public let professional: Person
    public let otherProfessional: Person
    public let contact: Person
    public let supportAgent: Person
    public let service: TicketService
    public let clock: TestClock

    public static func make(app: ConnectionPool, calendar: SLACalendar = .support) async throws -> TicketFixture {
        let access = try await AccessFixture.make(app: app)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        func add(_ name: String, to organisation: Organisation) async throws -> Person {
            try await access.store.addMember(
                email: "\(name)-\(suffix)@example.fi", fullName: name.capitalized, to: organisation, by: nil, idempotency: nil,
                audit: { _ in AuditEntry(actorID: nil, action: "member.add", objectType: "person", objectID: name,
                                  before: nil, after: nil, reason: nil, interface: .system) }).person
        }
        let otherProfessional = try await add("hoitaja", to: access.orgA)
        let contact = try await add("omaolovastaava", to: access.orgA)
        let supportAgent = try await add("tukihenkilo", to: access.orgB)
        _ = try await AccessFixture.systemGrant(.professional, to: access.member, in: access.orgA, store: access.store)
        _ = try await AccessFixture.systemGrant(.professional, to: otherProfessional, in: access.orgA, store: access.store)
        _ = try await AccessFixture.systemGrant(.omaoloContact, to: contact, in: access.orgA, store: access.store)
        try await app.withTransaction { transaction in
            try await transaction.execute("""
                INSERT INTO county_role_grants (person_id, role, reason) VALUES (\(supportAgent.id), 'support_agent', 'testi')
                """)
        }
        let clock = TestClock()
        let roles = RoleService(store: access.store)
        let service = TicketService(
            store: PostgresTicketStore(pool: app), access: roles, cursors: HMACCursorSeal(secret: RandomSecret.make()), calendar: calendar,
            clock: { clock.now })
        return TicketFixture(access: access, professional: access.member, otherProfessional: otherProfessional, contact: contact,
                             supportAgent: supportAgent, service: service, clock: clock)
    }

    /// The principal of `person` now, through `interface`.
    public func principal(_ person: Person, _ interface: Interface = .cli) async throws -> Principal {
        try await RoleService(store: access.store).principal(email: person.email, interface: interface)
    }
}

/// The clock of ticket tests.
public typealias TestClock = SettableClock

extension SettableClock {
    /// A moment given as Helsinki wall-clock time, `2026-03-02 09:00`.
    public static func helsinki(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Helsinki")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }
}
