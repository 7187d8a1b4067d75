import Foundation

/// A list of training tasks as asked for, before validation: every value as typed.
public struct TrainingQuery: Sendable, Equatable {
    /// Statuses: assigned, in_progress, completed, waived.
    public var statuses: [String]
    /// Only this person's tasks (their e-mail).
    public var person: String?
    /// Only this course's tasks (its code).
    public var course: String?
    /// Only open tasks past their due date.
    public var overdue: Bool
    /// Only completions that are still valid and expire within this many days.
    public var expiringWithinDays: Int?

    public init(statuses: [String] = [], person: String? = nil, course: String? = nil, overdue: Bool = false, expiringWithinDays: Int? = nil) {
        self.statuses = statuses
        self.person = person
        self.course = course
        self.overdue = overdue
        self.expiringWithinDays = expiringWithinDays
    }
}

/// A validated list for the store: one organisation's tasks that match every condition set,
/// sorted by due date.
public struct TrainingFilter: Sendable, Equatable {
    public var organisationID: UUID
    public var personID: UUID?
    public var courseCode: String?
    public var statuses: [TrainingStatus] = []
    /// Open and due before this day.
    public var dueBefore: LocalDate?
    /// Completed with an expiry after `expiringAfter` and on or before `expiringBy`.
    public var expiringAfter: LocalDate?
    public var expiringBy: LocalDate?

    public init(organisationID: UUID, personID: UUID? = nil) {
        self.organisationID = organisationID
        self.personID = personID
    }
}
