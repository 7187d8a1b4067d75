/// What a ticket is about (SPEC.md, Tickets).
public enum TicketCategory: String, Sendable, CaseIterable, Codable {
    case loginAndAccess = "login_and_access"
    case symptomAssessmentContent = "symptom_assessment_content"
    case serviceConfiguration = "service_configuration"
    case technicalFault = "technical_fault"
    case trainingRequest = "training_request"
    case dataProtection = "data_protection"
    case featureRequest = "feature_request"
    case other
}
