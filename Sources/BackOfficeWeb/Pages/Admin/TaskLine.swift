import BackOffice
import Foundation

/// One training task as the training pages list it.
struct TaskLine {
    let id: String
    let organisationCode: String
    let personName: String
    let personEmail: String
    let personHref: String
    let course: String
    let due: String
    let status: String
    let statusClass: String
    let overdue: Bool
    let open: Bool
    let completedOn: String?
    let expiresOn: String?
    let evidence: String?
    let waivedReason: String?
    let version: Int
    /// A refusal of a form on this task, beside it.
    var error: String?

    init(_ task: TrainingTask, today: LocalDate, days: Days, catalogue: Catalogue) {
        id = task.id.uuidString.lowercased()
        organisationCode = task.organisationCode
        personName = task.personName
        personEmail = task.personEmail
        personHref = "/people/\(Redirect.encoded(task.personEmail.lowercased()))"
        course = task.courseTitle
        due = days.day(task.dueDate)
        overdue = task.isOverdue(on: today)
        open = task.status.isOpen
        status = overdue ? catalogue.text("training_overdue") : catalogue.text("training_status_\(task.status.rawValue)")
        statusClass = overdue ? "training-overdue" : "training-\(task.status.rawValue)"
        completedOn = task.completedOn.map(days.day)
        expiresOn = task.expiresOn.map(days.day)
        evidence = task.evidence.map { "\(catalogue.text("evidence_\($0.kind.rawValue)")): \($0.reference)" }
        waivedReason = task.waivedReason
        version = task.version
    }
}
