import Foundation

/// The demo county's training readiness: which courses the services need, and a few
/// organisations whose people are not all trained, so that `make run` shows each case of the
/// deployment gate. Everywhere else the people in scope have done the required courses and the
/// deployments are ready.
///
/// - `ALAVIESKA-TA`: every deployment still planned, training as `DemoTraining` spreads it:
///   moves are refused with the numbers.
/// - `TAIVALKOSKI-TA`: everything piloting; one professional is still doing
///   `oirearvioiden_kasittely`, so the symptom assessments cannot go live (66.7 % of 80 %)
///   until that task is completed; the other services can.
/// - `JOKILAAKSOT-SUU`: `symptom_oral_health` went live on a county admin's override.
/// - `OULU-SUU`: `symptom_oral_health` is live and at risk: its Omaolo contact's completion of
///   `oirearvioiden_kasittely` has expired.
public enum DemoReadiness {
    /// The courses every service needs, and those the symptom assessments need besides.
    public static let everyService = ["omaolo_perehdytys"]
    public static let symptomAssessments = ["oirearvioiden_kasittely", "omaolo_perehdytys"]

    public static let notReady = "ALAVIESKA-TA"
    public static let almostReady = "TAIVALKOSKI-TA"
    public static let overridden = (organisation: "JOKILAAKSOT-SUU", service: "symptom_oral_health")
    public static let atRisk = (organisation: "OULU-SUU", service: "symptom_oral_health")
    public static let overrideReason = "Suun terveydenhuollon ajanvarausruuhka: henkilöstö koulutetaan kuun loppuun mennessä."

    /// The required courses of a service family.
    public static func courses(for family: OmaoloServiceFamily) -> [String] {
        family == .symptomAssessment ? symptomAssessments : everyService
    }

    /// The moves of a deployment in the showcase organisations, in place of `planned`'s.
    static func moves(organisation: String, service: String, planned: [(status: String, monthsAgo: Int)]) -> [(status: String, monthsAgo: Int)] {
        switch organisation {
        case notReady: return []
        case almostReady: return [("piloting", 2)]
        case overridden.organisation where service == overridden.service: return [("piloting", 3)]
        case atRisk.organisation where service == atRisk.service: return [("piloting", 30), ("live", 27)]
        default: return planned
        }
    }

    /// What became of the task of a required course for the `slot`-th person of `organisation`
    /// (1 the Omaolo contact, 2 and 3 professionals); nil for other courses, and in the
    /// organisation that is not ready, where `DemoTraining.outcome` decides as for any course.
    public static func outcome(organisation: String, slot: Int, course: String) -> DemoTraining.Outcome? {
        guard symptomAssessments.contains(course), organisation != notReady else { return nil }
        let handling = course == "oirearvioiden_kasittely"
        switch (organisation, slot) {
        case (almostReady, 3) where handling: return .inProgress(daysAgo: 12)
        case (overridden.organisation, 2) where handling: return .assigned(daysAgo: 5)
        case (atRisk.organisation, 1) where handling:
            return .completed(daysAgo: 800, evidence: TrainingEvidence(kind: .webinar, reference: "Pohteen Omaolo-webinaari 2023"))
        default:
            return .completed(
                daysAgo: 30 + (organisation.count * 11 + slot * 7) % 200,
                evidence: TrainingEvidence(kind: .eLearning, reference: "Oppimisympäristön suoritustodistus \(organisation)-\(slot)"))
        }
    }
}
