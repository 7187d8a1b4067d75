import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of the training API (snake_case on the wire, days as `YYYY-MM-DD`).
enum TrainingBodies {
    struct TaskBody: ResponseEncodable {
        let id: String
        let organisation: String
        let personEmail: String
        let personName: String
        let course: String
        let courseTitle: String
        let dueDate: String
        let status: String
        let waivedReason: String?
        let completedOn: String?
        let evidenceKind: String?
        let evidenceReference: String?
        let expiresOn: String?
        let renewalOf: String?
        let assignedAt: Date
        let assignedBy: String?
        let version: Int
        let updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, organisation, personEmail = "person_email", personName = "person_name", course,
                courseTitle = "course_title", dueDate = "due_date", status, waivedReason = "waived_reason",
                completedOn = "completed_on", evidenceKind = "evidence_kind", evidenceReference = "evidence_reference",
                expiresOn = "expires_on", renewalOf = "renewal_of", assignedAt = "assigned_at",
                assignedBy = "assigned_by", version, updatedAt = "updated_at"
        }

        init(_ task: TrainingTask) {
            id = task.id.wire
            organisation = task.organisationCode
            personEmail = task.personEmail
            personName = task.personName
            course = task.courseCode
            courseTitle = task.courseTitle
            dueDate = task.dueDate.description
            status = task.status.rawValue
            waivedReason = task.waivedReason
            completedOn = task.completedOn?.description
            evidenceKind = task.evidence?.kind.rawValue
            evidenceReference = task.evidence?.reference
            expiresOn = task.expiresOn?.description
            renewalOf = task.renewalOf?.wire
            assignedAt = task.assignedAt
            assignedBy = task.assignedByEmail
            version = task.version
            updatedAt = task.updatedAt
        }
    }

    struct CourseBody: ResponseEncodable {
        let id: String
        let code: String
        let title: String
        let description: String
        let mandatoryFor: [String]
        let daysToComplete: Int
        let validityMonths: Int?
        let active: Bool
        let waiverCounts: Bool

        enum CodingKeys: String, CodingKey {
            case id, code, title, description, mandatoryFor = "mandatory_for", daysToComplete = "days_to_complete",
                validityMonths = "validity_months", active, waiverCounts = "waiver_counts"
        }

        init(_ course: Course) {
            id = course.id.wire
            code = course.code
            title = course.title
            description = course.description
            mandatoryFor = course.mandatoryFor.map(\.rawValue)
            daysToComplete = course.daysToComplete
            validityMonths = course.validityMonths
            active = course.active
            waiverCounts = course.waiverCounts
        }
    }

    struct ProgressBody: ResponseEncodable {
        let organisation: String
        let course: String
        let courseTitle: String
        let role: String?
        let assigned: Int
        let inProgress: Int
        let completedValid: Int
        let expired: Int
        let waived: Int
        let overdue: Int

        enum CodingKeys: String, CodingKey {
            case organisation, course, courseTitle = "course_title", role, assigned, inProgress = "in_progress",
                completedValid = "completed_valid", expired, waived, overdue
        }

        init(_ progress: TrainingProgress) {
            organisation = progress.organisationCode
            course = progress.courseCode
            courseTitle = progress.courseTitle
            role = progress.role?.rawValue
            assigned = progress.assigned
            inProgress = progress.inProgress
            completedValid = progress.completedValid
            expired = progress.expired
            waived = progress.waived
            overdue = progress.overdue
        }
    }

    /// `{"items": [...]}`: a whole list, not a page.
    struct List<Item: Encodable & Sendable>: ResponseEncodable {
        let items: [Item]
    }

    /// `POST …/training`.
    struct Assignment: Decodable {
        let course: String
        let person: String
        let dueDate: String?
    }

    /// `POST …/training/bulk`.
    struct BulkAssignment: Decodable {
        let course: String
        let role: String
        let dueDate: String?
    }

    /// `POST …/training/{taskId}/complete`.
    struct Completion: Decodable {
        let completedOn: String?
        let evidenceKind: String
        let evidenceReference: String
    }

    /// `POST …/training/{taskId}/waive`.
    struct Waiver: Decodable {
        let reason: String?
    }

    /// `POST /training/courses`.
    struct NewCourseBody: Decodable {
        let code: String
        let title: String
        let description: String?
        let mandatoryFor: [String]?
        let daysToComplete: Int?
        let validityMonths: Int?
        let waiverCounts: Bool?

        var course: NewCourse {
            NewCourse(code: code, title: title, description: description ?? "", mandatoryFor: mandatoryFor ?? [],
                      daysToComplete: daysToComplete, validityMonths: validityMonths, waiverCounts: waiverCounts ?? false)
        }
    }
}
