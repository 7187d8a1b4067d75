import Foundation

/// Reading training: a person's own tasks, an organisation's tasks filtered, and progress.
extension TrainingService {
    /// The principal's own tasks in every organisation where they hold a role, by due date.
    public func myTasks(_ query: TrainingQuery = TrainingQuery(), for principal: Principal) async throws -> [TrainingTask] {
        // The query is checked once, also for someone who holds no organisation role.
        var checked = TrainingFilter(organisationID: UUID(), personID: principal.personID)
        try await apply(query, to: &checked, ownOnly: true)
        var tasks: [TrainingTask] = []
        for organisationID in principal.organisationRoles.keys {
            var filter = checked
            filter.organisationID = organisationID
            tasks += try await store.tasks(matching: filter)
        }
        return tasks.sorted { ($0.dueDate, $0.organisationCode, $0.id.uuidString) < ($1.dueDate, $1.organisationCode, $1.id.uuidString) }
    }

    /// The tasks of the organisation `code` that match `query`, by due date. Those who may not
    /// assign training there see only their own.
    public func tasks(_ query: TrainingQuery, in code: String, for principal: Principal) async throws -> [TrainingTask] {
        let organisation = try await access.organisation(code, for: principal)
        let assigns = PermissionMatrix.allows(principal, .assignTraining, in: organisation.id)
        if !assigns {
            try PermissionMatrix.require(principal, .completeOwnTraining, in: organisation.id, organisationCode: organisation.code)
        }
        var filter = TrainingFilter(organisationID: organisation.id, personID: assigns ? nil : principal.personID)
        try await apply(query, to: &filter, ownOnly: !assigns)
        return try await store.tasks(matching: filter)
    }

    /// Progress per course and role in the organisation `code`, or for county admins with nil,
    /// in every organisation: counts of tasks assigned, in progress, completed and valid,
    /// expired, waived and overdue, today.
    public func progress(in code: String?, for principal: Principal) async throws -> [TrainingProgress] {
        var organisation: Organisation?
        if let code {
            organisation = try await assigning(in: code, by: principal)
        } else {
            guard PermissionMatrix.reach(of: principal, for: .assignTraining, in: nil) == .everyOrganisation else {
                throw BackOfficeError.forbidden("progress of every organisation is for county admins; \(principal.email) may see an organisation's")
            }
        }
        return try await store.progress(in: organisation, today: today, at: clock())
    }

    private func apply(_ query: TrainingQuery, to filter: inout TrainingFilter, ownOnly: Bool) async throws {
        var errors = FieldErrors()
        filter.statuses = query.statuses.compactMap { errors.check(TrainingStatus.named($0, field: "status")) }
        filter.courseCode = query.course.flatMap { errors.check(Validation.snakeCode($0, field: "course")) }
        if let email = query.person.flatMap({ errors.check(Validation.email($0, field: "person")) }) {
            if let person = try await access.store.person(email: email) {
                if ownOnly && person.id != filter.personID {
                    errors.add("person", "you may list only your own tasks here")
                } else {
                    filter.personID = person.id
                }
            } else {
                errors.add("person", "no person has the e-mail \(email)")
            }
        }
        let today = today
        if query.overdue { filter.dueBefore = today }
        if let days = query.expiringWithinDays {
            if (0...3650).contains(days) {
                filter.expiringAfter = today
                filter.expiringBy = today.adding(days: days)
            } else {
                errors.add("expiring_within_days", "must be 0 to 3650")
            }
        }
        try errors.throwIfAny()
    }
}
