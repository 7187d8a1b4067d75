import Foundation

/// The demo county's Omaolo deployments and their monthly use: which organisation runs which
/// service, how its deployment went, and 24 months of usage statistics for what went live.
/// The same on every run.
public enum DemoDeployments {
    /// One deployment and the moves it went through, in months before the seeding month.
    public struct Plan: Sendable {
        public let organisationCode: String
        public let serviceCode: String
        /// Statuses after `planned`, in order, each with how many months ago it was reached.
        public let moves: [(status: String, monthsAgo: Int)]

        /// The months ago the service went live, and until when (nil: still live).
        var liveMonths: ClosedRange<Int>? {
            guard let live = moves.first(where: { $0.status == "live" })?.monthsAgo else { return nil }
            let ended = moves.first { $0.status == "paused" || $0.status == "retired" }?.monthsAgo ?? 1
            return ended...live
        }
    }

    /// The services each kind of organisation deploys.
    static let services: [String: [String]] = [
        "health_centre": [
            "symptom_respiratory_infection", "symptom_urinary_tract_infection", "symptom_back_pain", "symptom_sore_throat",
            "symptom_cough", "symptom_ear_pain", "symptom_headache", "symptom_eye", "health_check", "periodic_type2_diabetes",
            "periodic_hypertension", "coaching_mental_wellbeing", "coaching_sleep", "own_plan",
        ],
        "social_services": [
            "service_older_people", "service_families_with_children", "service_adult_social_work",
            "service_mental_health_substance_use", "wellbeing_check",
        ],
        "oral_health": ["symptom_oral_health", "service_oral_health_care"],
    ]

    /// Every demo deployment: most live for two years or more, some paused, piloting, planned or
    /// retired, and those of `DemoReadiness`'s showcase organisations.
    public static func plans() -> [Plan] {
        DemoData.organisations.enumerated().flatMap { organisationIndex, organisation in
            (services[organisation.kind] ?? []).enumerated().map { serviceIndex, service in
                let dice = (organisationIndex * 7 + serviceIndex * 13) % 20
                let wentLive = 26 + (organisationIndex + serviceIndex) % 12
                let moves: [(String, Int)]
                switch dice {
                case 0, 1: moves = []                                                            // planned
                case 2: moves = [("piloting", 4)]
                case 3: moves = [("piloting", wentLive + 3), ("live", wentLive), ("paused", 3)]
                case 4: moves = [("piloting", wentLive + 3), ("live", wentLive), ("retired", 6)]
                default: moves = [("piloting", wentLive + 3), ("live", wentLive)]
                }
                return Plan(
                    organisationCode: organisation.code, serviceCode: service,
                    moves: DemoReadiness.moves(organisation: organisation.code, service: service, planned: moves))
            }
        }
    }

    /// The usage file (`organisation,service,month,started,completed,forwarded`) of the 24
    /// months before `month` (`YYYY-MM` of the seeding moment) for the months each service was live.
    public static func usageFile(before month: (year: Int, month: Int)) -> String {
        let population = Dictionary(uniqueKeysWithValues: DemoData.organisations.map { ($0.code, $0.populationServed) })
        var lines = ["organisation,service,month,started,completed,forwarded"]
        for plan in plans() {
            guard let live = plan.liveMonths else { continue }
            for monthsAgo in 1...24 where live.contains(monthsAgo) {
                let total = month.year * 12 + (month.month - 1) - monthsAgo
                let (year, monthOfYear) = (total / 12, total % 12 + 1)
                let started = Self.started(plan.serviceCode, population: population[plan.organisationCode] ?? 0,
                                           month: monthOfYear, noise: (total * 31 + plan.serviceCode.count * 17) % 21)
                let completed = started * (82 + (total + plan.organisationCode.count) % 9) / 100
                let forwarded = completed * (plan.serviceCode.hasPrefix("symptom_") ? 45 : 20) / 100
                lines.append("\(plan.organisationCode),\(plan.serviceCode),\(String(format: "%04d-%02d", year, monthOfYear)),\(started),\(completed),\(forwarded)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Assessments started in a month: a monthly rate per 1 000 residents by service family,
    /// more in winter for infections, and ±10 % of noise.
    static func started(_ service: String, population: Int, month: Int, noise: Int) -> Int {
        let perThousand: Double = switch service {
        case let code where code.hasPrefix("symptom_"): 3.2
        case let code where code.hasPrefix("service_"): 0.9
        case let code where code.hasPrefix("periodic_"): 0.6
        case let code where code.hasPrefix("coaching_"): 0.3
        default: 0.5
        }
        let winter = [11, 12, 1, 2, 3].contains(month) && (service.contains("respiratory") || service.contains("cough") || service.contains("throat"))
        let rate = perThousand * (winter ? 1.6 : 1.0) * (0.9 + Double(noise) / 100)
        return Int((Double(population) * rate / 1000).rounded())
    }
}
