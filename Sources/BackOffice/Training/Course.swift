import Foundation

/// A course of the county's training catalogue: what it is, for which organisation roles it is
/// mandatory, how long people have to complete it, and how long a completion stays valid.
public struct Course: Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The stable key, lowercase snake_case (`omaolo_perehdytys`).
    public let code: String
    public var title: String
    public var description: String
    /// Granting one of these roles assigns the course (unless the person has it covered).
    public var mandatoryFor: [OrganisationRole]
    /// Days from assignment to the due date.
    public var daysToComplete: Int
    /// How long a completion stays valid; nil: it never expires.
    public var validityMonths: Int?
    /// Inactive courses are kept for history but no longer assigned.
    public var active: Bool
    /// Whether a waived task counts as holding the course (deployment readiness); otherwise
    /// only a valid completion does.
    public var waiverCounts: Bool

    public init(
        id: UUID, code: String, title: String, description: String, mandatoryFor: [OrganisationRole], daysToComplete: Int,
        validityMonths: Int?, active: Bool, waiverCounts: Bool = false
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.mandatoryFor = mandatoryFor
        self.daysToComplete = daysToComplete
        self.validityMonths = validityMonths
        self.active = active
        self.waiverCounts = waiverCounts
    }

    /// When a completion on `day` expires: `day` + the validity; nil if it never does.
    public func expiry(ofCompletionOn day: LocalDate) -> LocalDate? {
        validityMonths.map { day.adding(months: $0) }
    }
}

/// A course as someone asks to add it, before validation: every value as typed.
public struct NewCourse: Sendable, Equatable {
    public var code: String
    public var title: String
    public var description: String
    /// Organisation role names (`org_admin`, `omaolo_contact`, `professional`).
    public var mandatoryFor: [String]
    /// Default 30.
    public var daysToComplete: Int?
    /// Nil: completions never expire.
    public var validityMonths: Int?
    /// Whether a waived task counts as holding the course.
    public var waiverCounts: Bool

    public init(
        code: String, title: String, description: String = "", mandatoryFor: [String] = [], daysToComplete: Int? = nil,
        validityMonths: Int? = nil, waiverCounts: Bool = false
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.mandatoryFor = mandatoryFor
        self.daysToComplete = daysToComplete
        self.validityMonths = validityMonths
        self.waiverCounts = waiverCounts
    }
}

/// The fields of a course to change; nil leaves a field as it is.
public struct CourseChanges: Sendable, Equatable {
    public var title: String?
    public var description: String?
    /// Replaces the list; empty: mandatory for no one.
    public var mandatoryFor: [String]?
    public var daysToComplete: Int?
    /// 0: completions never expire.
    public var validityMonths: Int?
    public var active: Bool?
    public var waiverCounts: Bool?

    public init(
        title: String? = nil, description: String? = nil, mandatoryFor: [String]? = nil, daysToComplete: Int? = nil,
        validityMonths: Int? = nil, active: Bool? = nil, waiverCounts: Bool? = nil
    ) {
        self.title = title
        self.description = description
        self.mandatoryFor = mandatoryFor
        self.daysToComplete = daysToComplete
        self.validityMonths = validityMonths
        self.active = active
        self.waiverCounts = waiverCounts
    }

    var isEmpty: Bool {
        title == nil && description == nil && mandatoryFor == nil && daysToComplete == nil && validityMonths == nil && active == nil
            && waiverCounts == nil
    }
}
