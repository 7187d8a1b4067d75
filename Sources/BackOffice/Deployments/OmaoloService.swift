/// The family an Omaolo service belongs to.
public enum OmaoloServiceFamily: String, Sendable, Codable, CaseIterable {
    case symptomAssessment = "symptom_assessment"
    case serviceAssessment = "service_assessment"
    case healthCheck = "health_check"
    case wellbeingCheck = "wellbeing_check"
    case periodicCheck = "periodic_check"
    case coaching
    case ownPlan = "own_plan"
}

/// One service of the county's Omaolo catalogue, e.g. the back pain symptom assessment.
public struct OmaoloService: Sendable, Equatable {
    /// The stable key used in deployments, usage files and reports (`symptom_back_pain`).
    public let code: String
    public let family: OmaoloServiceFamily
    public let nameFi: String
    public let nameEn: String
    public let active: Bool
    /// Percent of the people in scope who must be fully trained before it goes live.
    public let readinessThreshold: Int
    /// The courses its users must hold, by code.
    public let requiredCourses: [String]

    public init(
        code: String, family: OmaoloServiceFamily, nameFi: String, nameEn: String, active: Bool, readinessThreshold: Int = 80,
        requiredCourses: [String] = []
    ) {
        self.code = code
        self.family = family
        self.nameFi = nameFi
        self.nameEn = nameEn
        self.active = active
        self.readinessThreshold = readinessThreshold
        self.requiredCourses = requiredCourses
    }
}
