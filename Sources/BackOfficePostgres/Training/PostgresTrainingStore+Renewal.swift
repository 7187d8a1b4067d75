import BackOffice
import Foundation
import Postgres

extension PostgresTrainingStore {
    /// One statement opens every renewal: `training_tasks_renewal_of` (unique) and the one-open
    /// index make a concurrent second run insert nothing (`ON CONFLICT DO NOTHING`).
    public func renew(
        in organisation: Organisation?, expiringBy: LocalDate, today: LocalDate, by actor: UUID, notice: TrainingNotice?,
        audit: ([TrainingTask]) -> AuditEntry
    ) async throws -> [TrainingTask] {
        let day = today
        var query: PostgresQuery = """
            WITH due AS (
                SELECT t.org_id, t.id, t.person_id, t.course_id, t.expires_on, c.days_to_complete
                FROM training_tasks t
                JOIN training_courses c ON c.id = t.course_id AND c.active
                JOIN org_members m ON m.org_id = t.org_id AND m.person_id = t.person_id AND m.active
                JOIN people p ON p.id = t.person_id AND p.active
                WHERE t.status = 'completed' AND t.expires_on <= \(expiringBy)
                  AND NOT EXISTS (SELECT 1 FROM training_tasks later
                                  WHERE later.org_id = t.org_id AND later.person_id = t.person_id AND later.course_id = t.course_id
                                    AND (later.renewal_of = t.id OR later.status IN ('assigned', 'in_progress')
                                         OR (later.status = 'completed' AND (later.expires_on IS NULL OR later.expires_on > t.expires_on))))

            """
        if let organisation { query.append("      AND t.org_id = \(organisation.id)\n") }
        query.append("""
                ),
            inserted AS (
                INSERT INTO training_tasks (org_id, person_id, course_id, due_date, renewal_of)
                SELECT org_id, person_id, course_id,
                       CASE WHEN expires_on > \(day) THEN expires_on ELSE \(day) + days_to_complete END, id
                FROM due
                ON CONFLICT DO NOTHING
                RETURNING *)

            """)
        query.append(TrainingRow.select(from: "inserted"))
        query.append(" ORDER BY o.code, p.email, c.code")
        return try await StoreError.mapping {
            if let organisation {
                return try await pool.withTenant(organisation.id, actor: actor) { try await Self.renew(query, notice: notice, audit: audit, $0) }
            }
            return try await pool.withCountyScope(actor: actor) { try await Self.renew(query, notice: notice, audit: audit, $0) }
        }
    }

    /// Runs the renewal statement, audits its tasks in their organisations' logs and writes
    /// their mails.
    private static func renew(
        _ query: PostgresQuery, notice: TrainingNotice?, audit: ([TrainingTask]) -> AuditEntry, _ transaction: Transaction
    ) async throws -> [TrainingTask] {
        let tasks = try await transaction.query(query).map(TrainingRow.task)
        for (organisationID, renewals) in Dictionary(grouping: tasks, by: \.organisationID) {
            try await AuditWriter.write(audit(renewals), organisation: organisationID, in: transaction)
            try await TrainingMailQueue.enqueue(notice, forTasks: renewals.map(\.id), in: organisationID, transaction)
        }
        return tasks
    }

    public func queueDueReminders(dueBy: LocalDate, today: LocalDate, notice: TrainingNotice) async throws -> Int {
        try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                try await TrainingMailQueue.remind(notice, dueBy: dueBy, today: today, transaction)
            }
        }
    }
}
