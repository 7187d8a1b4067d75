import BackOffice
import Foundation
import Postgres

/// Loads the demo courses and, for every demo person of every organisation, a task of each
/// course mandatory for their role, replayed through the training service on a clock set back
/// to when it was assigned, started or completed, so that due dates and expiries are what the
/// service itself would have made. Courses that exist and organisations that have tasks
/// already are left alone, so running it again adds nothing; two loads at once take turns
/// (`holdingSeedLock`).
public struct DemoTrainingSeed: Sendable {
    public init() {}

    /// Returns how many courses and tasks were added.
    @discardableResult
    public func load(app: ConnectionPool, now: Date = Date()) async throws -> (courses: Int, tasks: Int) {
        try await app.holdingSeedLock { try await loadUnlocked(app: app, now: now) }
    }

    private func loadUnlocked(app: ConnectionPool, now: Date) async throws -> (courses: Int, tasks: Int) {
        let roles = RoleService(store: PostgresAccessStore(pool: app))
        let clock = SettableClock()
        // history, not news: the demo's past assignments write no mails to the outbox
        let service = TrainingService(store: PostgresTrainingStore(pool: app), access: roles, mail: .silent, clock: { clock.now })
        guard let countyEmail = DemoData.people.first(where: { $0.role == CountyRole.countyAdmin.rawValue })?.email else { return (0, 0) }
        let county = try await roles.principal(email: countyEmail, interface: .system)
        let existing = Set(try await service.courses(includeInactive: true, for: county).map(\.code))
        var courses: [Course] = []
        for new in DemoTraining.courses where !existing.contains(new.code) {
            courses.append(try await service.createCourse(new, by: county))
        }
        let catalogue = try await service.courses(for: county)
        let demoCourses = DemoTraining.courses.compactMap { new in catalogue.first { $0.code == new.code } }
        var added = 0
        for (index, organisation) in DemoData.organisations.enumerated() {
            let people = DemoData.people.filter { $0.organisationCode == organisation.code }
            guard let adminEmail = people.first(where: { $0.role == OrganisationRole.orgAdmin.rawValue })?.email else { continue }
            let admin = try await roles.principal(email: adminEmail, interface: .system)
            guard try await service.tasks(TrainingQuery(), in: organisation.code, for: admin).isEmpty else { continue }
            for (slot, person) in people.enumerated() {
                guard let role = OrganisationRole(rawValue: person.role) else { continue }
                let principal = try await roles.principal(email: person.email, interface: .system)
                for (number, course) in demoCourses.enumerated() where course.mandatoryFor.contains(role) {
                    let outcome = DemoReadiness.outcome(organisation: organisation.code, slot: slot, course: course.code)
                        ?? DemoTraining.outcome(organisation: index, slot: slot, course: number)
                    try await replay(outcome, of: course, for: person.email, in: organisation.code, by: admin, principal, service, clock, now)
                    added += 1
                }
            }
        }
        return (courses.count, added)
    }

    /// Assigns the course on the day the outcome began and plays what happened after.
    private func replay(
        _ outcome: DemoTraining.Outcome, of course: Course, for email: String, in code: String, by admin: Principal,
        _ person: Principal, _ service: TrainingService, _ clock: SettableClock, _ now: Date
    ) async throws {
        func daysAgo(_ days: Int) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
        let assignedDaysAgo: Int
        switch outcome {
        case .completed(let days, _): assignedDaysAgo = days + 20
        case .inProgress(let days), .assigned(let days): assignedDaysAgo = days
        case .waived: assignedDaysAgo = 10
        }
        clock.set(daysAgo(assignedDaysAgo))
        let task = try await service.assign(course.code, to: email, in: code, by: admin).task
        switch outcome {
        case .completed(let days, let evidence):
            clock.set(daysAgo(days))
            _ = try await service.complete(
                task.id, in: code, evidenceKind: evidence.kind.rawValue, evidenceReference: evidence.reference, by: person)
        case .inProgress:
            clock.set(daysAgo(assignedDaysAgo - 2))
            _ = try await service.start(task.id, in: code, by: person)
        case .waived(let reason):
            _ = try await service.waive(task.id, in: code, reason: reason, by: admin)
        case .assigned:
            break
        }
        clock.set(nil)
    }
}
