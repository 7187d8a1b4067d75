import BackOffice
import Foundation
import Postgres

/// Writes the training mails into the outbox, in the transaction of the change that causes
/// them (a rollback sends nothing): one to the person of each task, in their language, the
/// message written by `TrainingMailComposer`. An inactive person gets none.
enum TrainingMailQueue {
    /// `notice` for the tasks `taskIDs` of `organisation`; nothing when `notice` is nil.
    static func enqueue(_ notice: TrainingNotice?, forTasks taskIDs: [UUID], in organisation: UUID, _ transaction: Transaction) async throws {
        guard let notice, !taskIDs.isEmpty else { return }
        var query = selection
        query.append(" WHERE t.org_id = \(organisation) AND t.id = ANY (\(taskIDs)::uuid[])")
        try await write(notice, for: try await transaction.query(query), transaction)
    }

    /// The "about to be overdue" mail for every open task of an active member due from `today`
    /// to `dueBy` without one yet (the caller's scope decides which organisations), each task
    /// marked as reminded; tasks another run holds are left to it. Returns how many.
    static func remind(_ notice: TrainingNotice, dueBy: LocalDate, today: LocalDate, _ transaction: Transaction) async throws -> Int {
        var query = selection
        query.append("""

             JOIN org_members m ON m.org_id = t.org_id AND m.person_id = t.person_id AND m.active
            WHERE t.status IN ('assigned', 'in_progress') AND t.due_date BETWEEN \(today) AND \(dueBy) AND t.due_reminder_at IS NULL
            ORDER BY t.org_id, t.due_date, t.id
            FOR UPDATE OF t SKIP LOCKED
            """)
        let rows = try await transaction.query(query)
        try await write(notice, for: rows, transaction)
        for (organisation, tasks) in Dictionary(grouping: try rows.map { (try $0.decode(UUID.self, "org_id"), try $0.decode(UUID.self, "id")) }, by: \.0) {
            transaction.sendWithNext("""
                UPDATE training_tasks SET due_reminder_at = now() WHERE org_id = \(organisation) AND id = ANY (\(tasks.map(\.1))::uuid[])
                """)
        }
        return rows.count
    }

    /// The tasks (`t`) with what their mails say and whom they go to.
    private static var selection: PostgresQuery {
        """
        SELECT t.org_id, t.id, t.due_date, c.title, o.name AS organisation_name, p.email, p.language
        FROM training_tasks t
        JOIN training_courses c ON c.id = t.course_id
        JOIN organisations o ON o.id = t.org_id
        JOIN people p ON p.id = t.person_id AND p.active
        """
    }

    private static func write(_ notice: TrainingNotice, for rows: PostgresRows, _ transaction: Transaction) async throws {
        let moment = Date()
        for row in rows {
            let organisation = try row.decode(UUID.self, "org_id")
            let facts = TrainingMailFacts(
                taskID: try row.decode(UUID.self, "id"), courseTitle: try row.decode(String.self, "title"),
                dueDate: try row.decode(LocalDate.self, "due_date"), organisationName: try row.decode(String.self, "organisation_name"))
            let mail = TrainingMailComposer.compose(
                notice, about: facts,
                to: MailAddressee(address: try row.decode(String.self, "email"), language: try row.decode(named: MailLanguage.self, "language")),
                at: moment)
            transaction.sendWithNext("""
                INSERT INTO mail_outbox (org_id, task_id, kind, recipient, subject, message, message_id)
                VALUES (\(organisation), \(facts.taskID), \(mail.kind.rawValue), \(mail.recipient), \(mail.subject), \(mail.message),
                        \(mail.messageID))
                """)
        }
    }
}
