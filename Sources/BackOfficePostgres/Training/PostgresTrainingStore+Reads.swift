import BackOffice
import Foundation
import Postgres

extension PostgresTrainingStore {
    public func tasks(matching filter: TrainingFilter) async throws -> [TrainingTask] {
        var query = TrainingRow.select(from: "training_tasks")
        query.append(" WHERE t.org_id = \(filter.organisationID)")
        if let person = filter.personID { query.append(" AND t.person_id = \(person)") }
        if let course = filter.courseCode { query.append(" AND c.code = \(course)") }
        if !filter.statuses.isEmpty { query.append(" AND t.status = ANY (\(filter.statuses.map(\.rawValue)))") }
        if let day = filter.dueBefore {
            query.append(" AND t.status IN ('assigned', 'in_progress') AND t.due_date < \(day)")
        }
        if let after = filter.expiringAfter {
            query.append(" AND t.status = 'completed' AND t.expires_on > \(after)")
        }
        if let by = filter.expiringBy {
            query.append(" AND t.status = 'completed' AND t.expires_on <= \(by)")
        }
        query.append(" ORDER BY t.due_date, p.email, c.code, t.id")
        return try await StoreError.mapping {
            try await pool.withTenant(filter.organisationID) { try await $0.query(query).map(TrainingRow.task) }
        }
    }

    public func progress(in organisation: Organisation?, today: LocalDate, at moment: Date) async throws -> [TrainingProgress] {
        let day = today
        var query: PostgresQuery = """
            WITH roles AS (
                SELECT DISTINCT org_id, person_id, role FROM org_role_grants
                WHERE revoked_at IS NULL AND valid_from <= \(moment) AND (valid_until IS NULL OR valid_until > \(moment)))
            SELECT o.code AS org_code, c.code AS course_code, c.title AS course_title, r.role,
                   count(*) FILTER (WHERE t.status = 'assigned') AS assigned,
                   count(*) FILTER (WHERE t.status = 'in_progress') AS in_progress,
                   count(*) FILTER (WHERE t.status = 'completed' AND (t.expires_on IS NULL OR t.expires_on > \(day))) AS completed_valid,
                   count(*) FILTER (WHERE t.status = 'completed' AND t.expires_on <= \(day)) AS expired,
                   count(*) FILTER (WHERE t.status = 'waived') AS waived,
                   count(*) FILTER (WHERE t.status IN ('assigned', 'in_progress') AND t.due_date < \(day)) AS overdue
            FROM training_tasks t
            JOIN organisations o ON o.id = t.org_id
            JOIN training_courses c ON c.id = t.course_id
            LEFT JOIN roles r ON r.org_id = t.org_id AND r.person_id = t.person_id

            """
        if let organisation { query.append("WHERE t.org_id = \(organisation.id)\n") }
        query.append("GROUP BY o.code, c.code, c.title, r.role ORDER BY o.code, c.code, r.role NULLS LAST")
        let read = { (transaction: Transaction) in try await transaction.query(query).map(Self.progress) }
        return try await StoreError.mapping {
            if let organisation { return try await pool.withTenant(organisation.id) { try await read($0) } }
            return try await pool.withCountyScope { try await read($0) }
        }
    }

    private static func progress(_ row: PostgresRow) throws -> TrainingProgress {
        TrainingProgress(
            organisationCode: try row.decode(String.self, "org_code"), courseCode: try row.decode(String.self, "course_code"),
            courseTitle: try row.decode(String.self, "course_title"),
            role: try row.decode(String?.self, "role").flatMap(OrganisationRole.init(rawValue:)),
            assigned: try row.decode(Int.self, "assigned"), inProgress: try row.decode(Int.self, "in_progress"),
            completedValid: try row.decode(Int.self, "completed_valid"), expired: try row.decode(Int.self, "expired"),
            waived: try row.decode(Int.self, "waived"), overdue: try row.decode(Int.self, "overdue"))
    }
}
