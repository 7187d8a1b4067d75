import BackOffice
import Foundation

/// How training prints: tasks, courses and progress as lists, a task's fields one per line,
/// with days as `YYYY-MM-DD`.
enum TrainingTable {
    static let taskColumns = ["id", "organisation", "person", "course", "status", "due_date", "completed_on", "expires_on", "version"]

    static func row(_ task: TrainingTask) -> [String] {
        [task.id.uuidString.lowercased(), task.organisationCode, task.personEmail, task.courseCode, task.status.rawValue,
         task.dueDate.description, task.completedOn?.description ?? "", task.expiresOn?.description ?? "", String(task.version)]
    }

    /// Every field of the task, in the order a person reads them.
    static func fields(_ task: TrainingTask) -> [(String, String)] {
        [
            ("id", task.id.uuidString.lowercased()), ("organisation", task.organisationCode), ("person", task.personEmail),
            ("person_name", task.personName), ("course", task.courseCode), ("course_title", task.courseTitle),
            ("status", task.status.rawValue), ("due_date", task.dueDate.description), ("waived_reason", task.waivedReason ?? ""),
            ("completed_on", task.completedOn?.description ?? ""), ("evidence_kind", task.evidence?.kind.rawValue ?? ""),
            ("evidence_reference", task.evidence?.reference ?? ""), ("expires_on", task.expiresOn?.description ?? ""),
            ("renewal_of", task.renewalOf?.uuidString.lowercased() ?? ""), ("assigned_by", task.assignedByEmail ?? ""),
            ("assigned_at", TicketTable.moment(task.assignedAt)), ("version", String(task.version)),
        ]
    }

    static let courseColumns = ["code", "title", "mandatory_for", "days_to_complete", "validity_months", "active", "waiver_counts"]

    static func row(_ course: Course) -> [String] {
        [course.code, course.title, course.mandatoryFor.map(\.rawValue).joined(separator: " "), String(course.daysToComplete),
         course.validityMonths.map(String.init) ?? "", String(course.active), String(course.waiverCounts)]
    }

    static let progressColumns = ["organisation", "course", "role", "assigned", "in_progress", "completed_valid", "expired", "waived", "overdue"]

    static func row(_ progress: TrainingProgress) -> [String] {
        [progress.organisationCode, progress.courseCode, progress.role?.rawValue ?? "", String(progress.assigned),
         String(progress.inProgress), String(progress.completedValid), String(progress.expired), String(progress.waived),
         String(progress.overdue)]
    }
}
