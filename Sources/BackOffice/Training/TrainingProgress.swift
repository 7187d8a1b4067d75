/// How far the people of one organisation who hold one role are with one course: their tasks
/// counted by where they stand on a day. People without an active role count under `role` nil.
public struct TrainingProgress: Sendable, Equatable {
    public let organisationCode: String
    public let courseCode: String
    public let courseTitle: String
    public let role: OrganisationRole?
    public let assigned: Int
    public let inProgress: Int
    /// Completed and not expired.
    public let completedValid: Int
    /// Completed, and the completion has expired.
    public let expired: Int
    public let waived: Int
    /// Assigned or in progress, and past the due date (also counted in those two).
    public let overdue: Int

    public init(
        organisationCode: String, courseCode: String, courseTitle: String, role: OrganisationRole?, assigned: Int, inProgress: Int,
        completedValid: Int, expired: Int, waived: Int, overdue: Int
    ) {
        self.organisationCode = organisationCode
        self.courseCode = courseCode
        self.courseTitle = courseTitle
        self.role = role
        self.assigned = assigned
        self.inProgress = inProgress
        self.completedValid = completedValid
        self.expired = expired
        self.waived = waived
        self.overdue = overdue
    }
}
