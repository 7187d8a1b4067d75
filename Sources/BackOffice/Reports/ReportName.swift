/// The reports: each is one view of the `reporting` schema, named here and nowhere else, so a
/// view name never comes from input. Every view has a `region_code` (`--region`).
public enum ReportName: String, CaseIterable, Sendable {
    case myScope = "my_scope"
    case ticketFacts = "ticket_facts"
    case ticketsMonthly = "tickets_monthly"
    case ticketsRegionMonthly = "tickets_region_monthly"
    case trainingProgress = "training_progress"
    case deploymentCoverage = "deployment_coverage"
    case deploymentReadiness = "deployment_readiness"
    case usageMonthly = "usage_monthly"
    case usageRegionMonthly = "usage_region_monthly"

    /// What the report shows, for `--help` and error messages.
    public var summary: String {
        switch self {
        case .myScope: return "the organisations the reporting login may see"
        case .ticketFacts: return "one row per ticket, with business-minute durations and SLA met flags"
        case .ticketsMonthly: return "tickets per region, organisation and month: opened, resolved, SLA met %, median resolution"
        case .ticketsRegionMonthly: return "tickets per region and month: opened, resolved, SLA met %, median resolution"
        case .trainingProgress: return "training tasks per region, organisation and course by status"
        case .deploymentCoverage: return "per region and service: organisations live, of all, population covered"
        case .deploymentReadiness: return "training readiness per organisation, service and required course: share trained, threshold, who lacks it"
        case .usageMonthly: return "usage per region, organisation, service and month, also per 1 000 residents"
        case .usageRegionMonthly: return "usage per region and month, all services, also per 1 000 residents"
        }
    }

    /// Whether the report has an organisation (`--org`) to filter by.
    public var hasOrganisation: Bool {
        switch self {
        case .deploymentCoverage, .usageRegionMonthly, .ticketsRegionMonthly: return false
        default: return true
        }
    }

    /// Whether the report has months (`--from`, `--to`) to filter by.
    public var hasMonths: Bool {
        switch self {
        case .myScope, .trainingProgress, .deploymentCoverage, .deploymentReadiness: return false
        default: return true
        }
    }

    /// Whether the report is about tickets (the support desk's reports).
    public var isAboutTickets: Bool {
        [.ticketFacts, .ticketsMonthly, .ticketsRegionMonthly].contains(self)
    }

    /// The names with their summaries, one per line.
    public static var listing: String {
        allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n")
    }
}
