import BackOffice
import Foundation
import Postgres

/// Reads and writes training rows: the select lists every course and task query uses, their
/// decoding, days as PostgreSQL dates, and the one definition of a task that covers a person.
enum TrainingRow {
    static let courseColumns = "id, code, title, description, mandatory_for_roles, days_to_complete, validity_months, active, waiver_counts"

    static func course(_ row: PostgresRow) throws -> Course {
        Course(
            id: try row.decode(UUID.self, "id"), code: try row.decode(String.self, "code"), title: try row.decode(String.self, "title"),
            description: try row.decode(String.self, "description"),
            mandatoryFor: try row.decode([String].self, "mandatory_for_roles").compactMap(OrganisationRole.init(rawValue:)).sorted(),
            daysToComplete: try row.decode(Int.self, "days_to_complete"), validityMonths: try row.decode(Int?.self, "validity_months"),
            active: try row.decode(Bool.self, "active"), waiverCounts: try row.decode(Bool.self, "waiver_counts"))
    }

    /// The task columns with the names of its organisation, person, course and assigner, from
    /// `source` (a table or a common table expression named in code) as `t`.
    static func select(from source: String) -> PostgresQuery {
        PostgresQuery(stringLiteral: """
            SELECT t.id, t.org_id, o.code AS org_code, t.person_id, p.email AS person_email, p.full_name AS person_name,
                   t.course_id, c.code AS course_code, c.title AS course_title, t.due_date, t.status, t.waived_reason,
                   t.completed_on, t.evidence_kind, t.evidence_ref, t.expires_on, t.renewal_of, t.assigned_at,
                   a.email AS assigned_by_email, t.version, t.updated_at
            FROM \(source) t
            JOIN organisations o ON o.id = t.org_id
            JOIN people p ON p.id = t.person_id
            JOIN training_courses c ON c.id = t.course_id
            LEFT JOIN people a ON a.id = t.assigned_by
            """)
    }

    static func task(_ row: PostgresRow) throws -> TrainingTask {
        let evidence: TrainingEvidence? = row.isNull("evidence_kind") ? nil : TrainingEvidence(
            kind: try row.decode(named: TrainingEvidence.Kind.self, "evidence_kind"), reference: try row.decode(String?.self, "evidence_ref") ?? "")
        return TrainingTask(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
            organisationCode: try row.decode(String.self, "org_code"), personID: try row.decode(UUID.self, "person_id"),
            personEmail: try row.decode(String.self, "person_email"), personName: try row.decode(String.self, "person_name"),
            courseID: try row.decode(UUID.self, "course_id"), courseCode: try row.decode(String.self, "course_code"),
            courseTitle: try row.decode(String.self, "course_title"), dueDate: try row.decode(LocalDate.self, "due_date"), status: try row.decode(named: TrainingStatus.self, "status"),
            waivedReason: try row.decode(String?.self, "waived_reason"),
            completedOn: try row.decode(LocalDate?.self, "completed_on"), evidence: evidence,
            expiresOn: try row.decode(LocalDate?.self, "expires_on"), renewalOf: try row.decode(UUID?.self, "renewal_of"),
            assignedAt: try row.decode(Date.self, "assigned_at"), assignedByEmail: try row.decode(String?.self, "assigned_by_email"),
            version: try row.decode(Int.self, "version"), updatedAt: try row.decode(Date.self, "updated_at"))
    }

    /// ` NOT EXISTS` a task of `organisation` that covers the person and course named by the
    /// SQL expressions `person` and `course` on `day`: open, waived, or completed and valid.
    static func uncovered(in organisation: UUID, person: String, course: String, on day: LocalDate) -> PostgresQuery {
        var query: PostgresQuery = " NOT EXISTS (SELECT 1 FROM training_tasks covering WHERE covering.org_id = \(organisation)"
        query.append(PostgresQuery(stringLiteral: " AND covering.person_id = " + person + " AND covering.course_id = " + course))
        query.append("""
             AND (covering.status IN ('assigned', 'in_progress', 'waived')
                  OR (covering.status = 'completed' AND (covering.expires_on IS NULL OR covering.expires_on > \(day)))))
            """)
        return query
    }
}
