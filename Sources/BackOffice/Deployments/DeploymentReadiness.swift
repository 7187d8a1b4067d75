import Foundation

/// How ready an organisation's people are for one deployment: of the members holding the
/// `professional` or `omaolo_contact` role today, how many hold every course the service
/// requires (a completion not yet expired, or a waiver where the course counts it), the same
/// for the Omaolo contacts, and whether the owner does. Computed by the store in one statement
/// per organisation; the decisions on it are made here.
public struct DeploymentReadiness: Sendable, Equatable {
    /// One required course and how many people in scope lack it.
    public struct Course: Sendable, Equatable {
        public let code: String
        /// People in scope without a valid completion (or counted waiver) of it.
        public let lacking: Int
        /// Of those, the ones with an open task for it (assigned or in progress).
        public let lackingWithOpenTask: Int

        public init(code: String, lacking: Int, lackingWithOpenTask: Int) {
            self.code = code
            self.lacking = lacking
            self.lackingWithOpenTask = lackingWithOpenTask
        }
    }

    /// The service's threshold, percent of the people in scope.
    public let thresholdPercent: Int
    /// Members holding `professional` or `omaolo_contact` today.
    public let people: Int
    /// Of them, those holding every required course.
    public let fullyTrained: Int
    /// Members holding `omaolo_contact` today.
    public let contacts: Int
    public let contactsTrained: Int
    public let ownerTrained: Bool
    /// Every course the service requires, by code.
    public let courses: [Course]

    public init(
        thresholdPercent: Int, people: Int, fullyTrained: Int, contacts: Int, contactsTrained: Int, ownerTrained: Bool,
        courses: [Course]
    ) {
        self.thresholdPercent = thresholdPercent
        self.people = people
        self.fullyTrained = fullyTrained
        self.contacts = contacts
        self.contactsTrained = contactsTrained
        self.ownerTrained = ownerTrained
        self.courses = courses
    }

    /// The share of the people in scope who are fully trained, percent (0 when nobody is).
    public var percent: Double {
        people == 0 ? 0 : Double(fullyTrained) * 100 / Double(people)
    }

    /// At or above the threshold, counted exactly (no rounding); never with nobody in scope.
    public var meetsThreshold: Bool {
        people > 0 && fullyTrained * 100 >= thresholdPercent * people
    }

    /// The owner and at least one Omaolo contact are fully trained: enough to start piloting.
    public var readyToPilot: Bool {
        ownerTrained && contactsTrained > 0
    }

    /// The required courses someone in scope still lacks.
    public var gaps: [Course] {
        courses.filter { $0.lacking > 0 }
    }

    /// `66.7 %`: the share with one decimal, as people read it.
    public var percentText: String {
        String(format: "%.1f %%", percent)
    }

    /// `oirearvioiden_kasittely (2 people), omaolo_perehdytys (1 person)`, or `none`.
    public var gapsText: String {
        let gaps = gaps
        guard !gaps.isEmpty else { return "none" }
        return gaps.map { "\($0.code) (\($0.lacking) \($0.lacking == 1 ? "person" : "people"))" }.joined(separator: ", ")
    }
}
