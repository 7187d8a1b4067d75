import BackOffice
import Foundation
import Postgres

/// `TrainingStore` over PostgreSQL. The catalogue is global, its changes audited in the
/// county's log; tasks are tenant rows, each change made in its organisation's tenant scope
/// with its audit entry (the renewal job for every organisation runs in the county scope).
public struct PostgresTrainingStore: TrainingStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func courses(includeInactive: Bool) async throws -> [Course] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query(PostgresQuery(
                    "SELECT \(TrainingRow.courseColumns) FROM training_courses WHERE active OR $1 ORDER BY code",
                    parameters: [includeInactive])).map(TrainingRow.course)
            }
        }
    }

    public func course(code: String) async throws -> Course? {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await transaction.query(PostgresQuery(
                    "SELECT \(TrainingRow.courseColumns) FROM training_courses WHERE code = $1", parameters: [code])
                ).first.map(TrainingRow.course)
            }
        }
    }

    public func createCourse(_ course: Course, by actor: UUID, audit: (Course) -> AuditEntry) async throws -> Course {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping(duplicate: "a course with the code \(course.code) already exists") {
            try await pool.withTenant(county, actor: actor) { transaction in
                let created = try TrainingRow.course(try await transaction.query(PostgresQuery("""
                    INSERT INTO training_courses (code, title, description, mandatory_for_roles, days_to_complete, validity_months,
                                                  waiver_counts)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING \(TrainingRow.courseColumns)
                    """, parameters: [course.code, course.title, course.description, course.mandatoryFor.map(\.rawValue),
                                      course.daysToComplete, course.validityMonths, course.waiverCounts])).single())
                try await AuditWriter.write(audit(created), organisation: county, in: transaction)
                return created
            }
        }
    }

    public func changeCourse(
        code: String, by actor: UUID, _ change: (inout Course) throws -> Void, audit: (Course, Course) -> AuditEntry
    ) async throws -> Course {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county, actor: actor) { transaction in
                guard let row = try await transaction.query(PostgresQuery(
                    "SELECT \(TrainingRow.courseColumns) FROM training_courses WHERE code = $1 FOR UPDATE", parameters: [code])).first
                else { throw BackOfficeError.notFound("course \(code)") }
                let before = try TrainingRow.course(row)
                var course = before
                try change(&course)
                let after = try TrainingRow.course(try await transaction.query(PostgresQuery("""
                    UPDATE training_courses SET title = $2, description = $3, mandatory_for_roles = $4, days_to_complete = $5,
                           validity_months = $6, active = $7, waiver_counts = $8, updated_at = now()
                    WHERE id = $1 RETURNING \(TrainingRow.courseColumns)
                    """, parameters: [before.id, course.title, course.description, course.mandatoryFor.map(\.rawValue),
                                      course.daysToComplete, course.validityMonths, course.active, course.waiverCounts])).single())
                try await AuditWriter.write(audit(before, after), organisation: county, in: transaction)
                return after
            }
        }
    }

    public func assign(
        _ course: Course, to personID: UUID, in organisation: Organisation, due: LocalDate, by actor: UUID, idempotency: IdempotencyKey?,
        notice: TrainingNotice?, audit: (TrainingTask) -> AuditEntry
    ) async throws -> (task: TrainingTask, created: Bool) {
        try await StoreError.mapping(notFound: "member") {
            try await pool.withTenant(organisation.id, actor: actor) { transaction -> (task: TrainingTask, created: Bool) in
                try await IdempotentCreate.run(idempotency, in: organisation.id, transaction, earlier: { taskID in
                    try await Self.task(id: taskID, in: organisation, lock: false, transaction)
                }, make: {
                    var query: PostgresQuery = """
                        WITH inserted AS (
                            INSERT INTO training_tasks (org_id, person_id, course_id, due_date, assigned_by)
                            SELECT m.org_id, m.person_id, \(course.id), \(due), \(actor)
                            FROM org_members m WHERE m.org_id = \(organisation.id) AND m.person_id = \(personID) AND m.active
                            RETURNING *)

                        """
                    query.append(TrainingRow.select(from: "inserted"))
                    let inserted: PostgresRow?
                    do {
                        inserted = try await transaction.query(query).first
                    } catch let error as PostgresError where error.constraint == "training_tasks_one_open" {
                        throw BackOfficeError.conflict("the person already has an open task of \(course.code) in \(organisation.code)")
                    }
                    guard let row = inserted else {
                        throw BackOfficeError.invalid("person", "not an active member of \(organisation.code)")
                    }
                    let task = try TrainingRow.task(row)
                    try await AuditWriter.write(audit(task), organisation: organisation.id, in: transaction)
                    try await TrainingMailQueue.enqueue(notice, forTasks: [task.id], in: organisation.id, transaction)
                    return (task, task.id)
                })
            }
        }
    }

    public func assign(
        _ course: Course, toHoldersOf role: OrganisationRole, in organisation: Organisation, due: LocalDate, today: LocalDate,
        at moment: Date, by actor: UUID, notice: TrainingNotice?, audit: ([TrainingTask]) -> AuditEntry
    ) async throws -> [TrainingTask] {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                var query: PostgresQuery = """
                    WITH holders AS (
                        SELECT DISTINCT g.person_id FROM org_role_grants g
                        JOIN org_members m ON m.org_id = g.org_id AND m.person_id = g.person_id AND m.active
                        JOIN people p ON p.id = g.person_id AND p.active
                        WHERE g.org_id = \(organisation.id) AND g.role = \(role.rawValue) AND g.revoked_at IS NULL
                          AND g.valid_from <= \(moment) AND (g.valid_until IS NULL OR g.valid_until > \(moment))),
                    inserted AS (
                        INSERT INTO training_tasks (org_id, person_id, course_id, due_date, assigned_by)
                        SELECT \(organisation.id), h.person_id, c.id, \(due), \(actor)
                        FROM holders h JOIN training_courses c ON c.id = \(course.id) WHERE
                    """
                query.append(TrainingRow.uncovered(in: organisation.id, person: "h.person_id", course: "c.id", on: today))
                query.append("""

                        ON CONFLICT DO NOTHING
                        RETURNING *)

                    """)
                query.append(TrainingRow.select(from: "inserted"))
                query.append(" ORDER BY p.email")
                let tasks = try await transaction.query(query).map(TrainingRow.task)
                if !tasks.isEmpty { try await AuditWriter.write(audit(tasks), organisation: organisation.id, in: transaction) }
                try await TrainingMailQueue.enqueue(notice, forTasks: tasks.map(\.id), in: organisation.id, transaction)
                return tasks
            }
        }
    }

    public func task(id: UUID, in organisation: Organisation) async throws -> TrainingTask? {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                try await Self.task(id: id, in: organisation, lock: false, transaction)
            }
        }
    }

    public func change(
        taskID: UUID, in organisation: Organisation, expectedVersion: Int?, by actor: UUID, _ change: (inout TrainingTask) throws -> Void,
        audit: (TrainingTask, TrainingTask) -> AuditEntry
    ) async throws -> TrainingTask {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                guard let before = try await Self.task(id: taskID, in: organisation, lock: true, transaction) else {
                    throw BackOfficeError.notFound("training task \(taskID.uuidString.lowercased())")
                }
                if let expectedVersion, expectedVersion != before.version {
                    throw BackOfficeError.stale(
                        "the task is at version \(before.version), not \(expectedVersion): it was changed meanwhile; reload it and try again")
                }
                var task = before
                try change(&task)
                var query: PostgresQuery = """
                    WITH updated AS (
                        UPDATE training_tasks SET status = \(task.status.rawValue), waived_reason = \(task.waivedReason),
                               completed_on = \(task.completedOn),
                               evidence_kind = \(task.evidence?.kind.rawValue), evidence_ref = \(task.evidence?.reference),
                               expires_on = \(task.expiresOn), version = version + 1, updated_at = now()
                        WHERE org_id = \(organisation.id) AND id = \(taskID)
                        RETURNING *)

                    """
                query.append(TrainingRow.select(from: "updated"))
                let after = try TrainingRow.task(try await transaction.query(query).single())
                try await AuditWriter.write(audit(before, after), organisation: organisation.id, in: transaction)
                return after
            }
        }
    }

    static func task(id: UUID, in organisation: Organisation, lock: Bool, _ transaction: Transaction) async throws -> TrainingTask? {
        var query = TrainingRow.select(from: "training_tasks")
        query.append(" WHERE t.org_id = \(organisation.id) AND t.id = \(id)")
        if lock { query.append(" FOR UPDATE OF t") }
        return try await transaction.query(query).first.map(TrainingRow.task)
    }
}
