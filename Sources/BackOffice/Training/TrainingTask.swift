import Foundation

/// One course for one person in one organisation (koulutustehtävä): when it is due, where it
/// stands, and once completed, when and how, and when the completion expires.
public struct TrainingTask: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let organisationID: UUID
    public let organisationCode: String
    public let personID: UUID
    public let personEmail: String
    public let personName: String
    public let courseID: UUID
    public let courseCode: String
    public let courseTitle: String
    public var dueDate: LocalDate
    public var status: TrainingStatus
    /// Why the task was waived; set exactly when it is.
    public var waivedReason: String?
    public var completedOn: LocalDate?
    public var evidence: TrainingEvidence?
    /// `completedOn` + the course's validity; nil: never expires (or not completed).
    public var expiresOn: LocalDate?
    /// The completed task this one renews.
    public let renewalOf: UUID?
    public let assignedAt: Date
    /// Nil: assigned by the system (a role grant, the renewal job).
    public let assignedByEmail: String?
    /// Raised by one with every change; a change made against another version is refused.
    public let version: Int
    public let updatedAt: Date

    public init(
        id: UUID, organisationID: UUID, organisationCode: String, personID: UUID, personEmail: String, personName: String,
        courseID: UUID, courseCode: String, courseTitle: String, dueDate: LocalDate, status: TrainingStatus,
        waivedReason: String?, completedOn: LocalDate?, evidence: TrainingEvidence?, expiresOn: LocalDate?, renewalOf: UUID?,
        assignedAt: Date, assignedByEmail: String?, version: Int, updatedAt: Date
    ) {
        self.id = id
        self.organisationID = organisationID
        self.organisationCode = organisationCode
        self.personID = personID
        self.personEmail = personEmail
        self.personName = personName
        self.courseID = courseID
        self.courseCode = courseCode
        self.courseTitle = courseTitle
        self.dueDate = dueDate
        self.status = status
        self.waivedReason = waivedReason
        self.completedOn = completedOn
        self.evidence = evidence
        self.expiresOn = expiresOn
        self.renewalOf = renewalOf
        self.assignedAt = assignedAt
        self.assignedByEmail = assignedByEmail
        self.version = version
        self.updatedAt = updatedAt
    }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: LocalDate) -> Bool {
        status.isOpen && dueDate < today
    }

    /// Completed, and its completion has expired by `today`.
    public func isExpired(on today: LocalDate) -> Bool {
        status == .completed && expiresOn.map { $0 <= today } == true
    }

    /// Starts the task.
    mutating func start() throws(BackOfficeError) {
        try status.requireTransition(to: .inProgress)
        status = .inProgress
    }

    /// Completes the task on `day` with `evidence`; it expires as `course` says.
    mutating func complete(on day: LocalDate, evidence: TrainingEvidence, of course: Course) throws(BackOfficeError) {
        try status.requireTransition(to: .completed)
        status = .completed
        completedOn = day
        self.evidence = evidence
        expiresOn = course.expiry(ofCompletionOn: day)
    }

    /// Waives the task for `reason`.
    mutating func waive(reason: String) throws(BackOfficeError) {
        try status.requireTransition(to: .waived)
        status = .waived
        waivedReason = reason
    }
}
