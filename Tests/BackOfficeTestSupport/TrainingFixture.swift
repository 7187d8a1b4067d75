import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// The people of `AccessFixture` plus an Omaolo contact of A, and a training service on a
/// clock that tells the real time until a test sets it (to look at the tasks some days on).
/// Courses get random codes; those made mandatory for a role are retired by `retire` so that
/// other tests' grants stop picking them up.
public struct TrainingFixture: Sendable {
    public let access: AccessFixture
    public let contact: Person
    public let roles: RoleService
    public let service: TrainingService
    public let clock: SettableClock

    public static func make(app: ConnectionPool) async throws -> TrainingFixture {
        let access = try await AccessFixture.make(app: app)
        let roles = RoleService(store: access.store)
        let clock = SettableClock()
        let service = TrainingService(store: PostgresTrainingStore(pool: app), access: roles, clock: { clock.now })
        let contact = try await addMember("omaolovastaava", to: access.orgA, store: access.store)
        _ = try await AccessFixture.systemGrant(.omaoloContact, to: contact, in: access.orgA, store: access.store)
        return TrainingFixture(access: access, contact: contact, roles: roles, service: service, clock: clock)
    }

    /// A new member of `organisation` with a random address, without roles.
    public func member(_ name: String, in organisation: Organisation) async throws -> Person {
        try await Self.addMember(name, to: organisation, store: access.store)
    }

    private static func addMember(_ name: String, to organisation: Organisation, store: PostgresAccessStore) async throws -> Person {
        try await store.addMember(
            email: "\(name)-\(UUID().uuidString.prefix(8).lowercased())@example.fi", fullName: name.capitalized, to: organisation, by: nil, idempotency: nil,
            audit: { _ in AuditEntry(actorID: nil, action: "member.add", objectType: "person", objectID: name,
                              before: nil, after: nil, reason: nil, interface: .system) }).person
    }

    /// The principal of `person` now, through `interface`.
    public func principal(_ person: Person, _ interface: Interface = .cli) async throws -> Principal {
        try await roles.principal(email: person.email, interface: interface)
    }

    /// A new course with a random code, made by the county admin.
    public func course(mandatoryFor roles: [String] = [], daysToComplete: Int = 30, validityMonths: Int? = nil) async throws -> Course {
        try await service.createCourse(
            NewCourse(code: "testi_\(UUID().uuidString.prefix(8).lowercased())", title: "Testikurssi", description: "Testien kurssi",
                      mandatoryFor: roles, daysToComplete: daysToComplete, validityMonths: validityMonths),
            by: try await principal(access.countyAdmin))
    }

    /// Takes `courses` out of use, so that no later grant assigns them.
    public func retire(_ courses: Course...) async throws {
        let county = try await principal(access.countyAdmin)
        for course in courses { _ = try await service.updateCourse(course.code, with: CourseChanges(active: false), by: county) }
    }

    /// Today in Finland, on the fixture's clock.
    public var today: LocalDate { LocalDate(inFinland: clock.now) }
}
