import BackOffice
import Foundation
import Postgres

/// The courses a role grant brings with it (SPEC.md, Training: "granting a role creates the
/// tasks for that role's mandatory courses, unless the person holds a valid completion"), and
/// for the people deployment readiness counts (professionals and Omaolo contacts), the courses
/// required by the services the organisation is piloting or has live.
enum MandatoryTraining {
    /// In the grant's transaction, assigns its holder every active course mandatory for
    /// `role` (or, for `professional` and `omaolo_contact`, required by a piloting or live
    /// deployment of the organisation) that no task covers on the day the grant starts (an open
    /// or waived task, or a completion valid that day), due the course's days to complete after
    /// that day; so a second grant of the same role assigns nothing. Audits each new task as
    /// assigned by the grant's actor through its interface, and writes `notice` to the holder for
    /// each. Returns the codes of the courses assigned.
    @discardableResult
    static func assign(
        for grant: RoleGrant, in organisation: UUID, role: OrganisationRole, grantEntry: AuditEntry, notice: TrainingNotice?,
        _ transaction: Transaction
    ) async throws -> [String] {
        let start = LocalDate(inFinland: grant.validFrom)
        var query: PostgresQuery = """
            WITH inserted AS (
                INSERT INTO training_tasks (org_id, person_id, course_id, due_date)
                SELECT m.org_id, m.person_id, c.id, \(start) + c.days_to_complete
                FROM training_courses c
                JOIN org_members m ON m.org_id = \(organisation) AND m.person_id = \(grant.personID)
                WHERE c.active
                  AND (c.mandatory_for_roles @> \([role.rawValue])
                       OR (\(role == .professional || role == .omaoloContact) AND c.id IN (
                           SELECT r.course_id FROM deployments d JOIN service_required_courses r ON r.service_id = d.service_id
                           WHERE d.org_id = \(organisation) AND d.status IN ('piloting', 'live'))))
                  AND
            """
        query.append(TrainingRow.uncovered(in: organisation, person: "m.person_id", course: "c.id", on: start))
        query.append("""

                ON CONFLICT DO NOTHING
                RETURNING id, course_id, due_date)
            SELECT i.id, i.due_date, c.code, c.mandatory_for_roles @> \([role.rawValue]) AS mandatory
            FROM inserted i JOIN training_courses c ON c.id = i.course_id ORDER BY c.code
            """)
        let assigned = try await transaction.query(query).map {
            (id: try $0.decode(UUID.self, "id"), course: try $0.decode(String.self, "code"), due: try $0.decode(LocalDate.self, "due_date"),
             mandatory: try $0.decode(Bool.self, "mandatory"))
        }
        for task in assigned {
            try await AuditWriter.write(AuditEntry(
                actorID: grantEntry.actorID, action: "training.assign", objectType: "training_task",
                objectID: task.id.uuidString.lowercased(), before: nil,
                after: ["person_id": grant.personID.uuidString.lowercased(), "course": task.course, "due_date": task.due.description,
                        "role_grant": grant.id.uuidString.lowercased()],
                reason: task.mandatory ? "mandatory for \(role.rawValue)" : "required by a deployed Omaolo service", interface: grantEntry.interface), organisation: organisation, in: transaction)
        }
        try await TrainingMailQueue.enqueue(notice, forTasks: assigned.map(\.id), in: organisation, transaction)
        return assigned.map(\.course)
    }
}
