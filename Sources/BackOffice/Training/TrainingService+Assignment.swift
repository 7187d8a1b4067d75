import Foundation

/// Giving courses to people: one person, every holder of a role, and renewals of completions
/// that expire. Org admins and Omaolo contacts in their organisation, county admins anywhere.
extension TrainingService {
    /// Assigns the course `courseCode` to the member `email` of the organisation `code`, due
    /// on `dueDate` (default: the course's days to complete from today). With an
    /// `idempotencyKey` already used for the same assignment, `created` is false.
    public func assign(
        _ courseCode: String, to email: String, in code: String, dueDate: LocalDate? = nil, idempotencyKey: String? = nil,
        by principal: Principal
    ) async throws -> (task: TrainingTask, created: Bool) {
        let organisation = try await assigning(in: code, by: principal)
        let course = try await activeCourse(courseCode)
        let email = try Validation.email(email, field: "person").mapError { BackOfficeError.invalid([$0]) }.get()
        guard let person = try await access.store.person(email: email), person.active else {
            throw BackOfficeError.invalid("person", "\(email) is not an active member of \(organisation.code)")
        }
        let due = try self.dueDate(dueDate, of: course)
        var errors = FieldErrors()
        let key = IdempotencyKey(
            idempotencyKey, of: .trainingTask, content: [course.code, person.id.uuidString.lowercased(), dueDate?.description], errors: &errors)
        try errors.throwIfAny()
        return try await store.assign(
            course, to: person.id, in: organisation, due: due, by: principal.personID, idempotency: key,
            notice: mail.trainingNotice(.trainingAssigned)
        ) { task in
            AuditEntry(
                actorID: principal.personID, action: "training.assign", objectType: "training_task", objectID: task.id.uuidString.lowercased(),
                before: nil, after: ["person": task.personEmail, "course": task.courseCode, "due_date": task.dueDate.description],
                reason: nil, interface: principal.interface)
        }
    }

    /// Assigns the course to every active holder of `role` in the organisation who does not
    /// have it covered yet (an open or waived task, or a valid completion), so running it again
    /// assigns nothing new. Returns the new tasks.
    public func bulkAssign(_ courseCode: String, toHoldersOf role: String, in code: String, dueDate: LocalDate? = nil, by principal: Principal) async throws -> [TrainingTask] {
        let organisation = try await assigning(in: code, by: principal)
        let course = try await activeCourse(courseCode)
        guard let role = OrganisationRole(rawValue: role) else {
            throw BackOfficeError.invalid("role", "must be org_admin, omaolo_contact or professional")
        }
        let due = try self.dueDate(dueDate, of: course)
        return try await store.assign(
            course, toHoldersOf: role, in: organisation, due: due, today: today, at: clock(), by: principal.personID,
            notice: mail.trainingNotice(.trainingAssigned)
        ) { tasks in
            AuditEntry(
                actorID: principal.personID, action: "training.bulk_assign", objectType: "training_course", objectID: course.code,
                before: nil,
                after: ["role": role.rawValue, "due_date": due.description, "people": tasks.map(\.personEmail).joined(separator: ","),
                        "tasks": tasks.map { $0.id.uuidString.lowercased() }.joined(separator: ",")],
                reason: nil, interface: principal.interface)
        }
    }

    /// Opens a renewal task for each completion that expires within `withinDays` days (or has
    /// expired) and has no renewal yet, in the organisation `code` or, for county admins with
    /// nil, in every organisation. Idempotent: a second run opens nothing. Returns the new tasks.
    public func renew(in code: String?, withinDays: Int = 30, by principal: Principal) async throws -> [TrainingTask] {
        guard (0...3650).contains(withinDays) else { throw BackOfficeError.invalid("within_days", "must be 0 to 3650") }
        var organisation: Organisation?
        if let code {
            organisation = try await assigning(in: code, by: principal)
        } else {
            guard PermissionMatrix.reach(of: principal, for: .assignTraining, in: nil) == .everyOrganisation else {
                throw BackOfficeError.forbidden("renewing in every organisation is for county admins; \(principal.email) may renew in an organisation")
            }
        }
        let today = today
        return try await store.renew(
            in: organisation, expiringBy: today.adding(days: withinDays), today: today, by: principal.personID,
            notice: mail.trainingNotice(.trainingAssigned)
        ) { tasks in
            AuditEntry(
                actorID: principal.personID, action: "training.renew", objectType: "organisation",
                objectID: tasks.first?.organisationCode ?? "-", before: nil,
                after: ["renewed": tasks.compactMap { $0.renewalOf?.uuidString.lowercased() }.joined(separator: ","),
                        "tasks": tasks.map { $0.id.uuidString.lowercased() }.joined(separator: ",")],
                reason: "completions expiring by \(today.adding(days: withinDays))", interface: principal.interface)
        }
    }

    /// The organisation `code`, if the principal may assign training there.
    func assigning(in code: String, by principal: Principal) async throws -> Organisation {
        let organisation = try await access.organisation(code, for: principal)
        try PermissionMatrix.require(principal, .assignTraining, in: organisation.id, organisationCode: organisation.code)
        return organisation
    }

    /// `requested`, which must not be in the past, or the course's days to complete from today.
    private func dueDate(_ requested: LocalDate?, of course: Course) throws -> LocalDate {
        guard let requested else { return today.adding(days: course.daysToComplete) }
        guard requested >= today else { throw BackOfficeError.invalid("due_date", "must not be in the past") }
        return requested
    }
}
