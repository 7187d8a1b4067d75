import BackOffice

/// The four report pages of `/reports`, each drawn from a view of the `reporting` schema:
/// which view, which of its columns the table and the CSV show, and how many months by default.
enum ReportTopic: String, CaseIterable {
    case tickets, usage, deployments, training

    /// The view of the page: the ticket page's per organisation when asked, else per region.
    func report(perOrganisation: Bool) -> ReportName {
        switch self {
        case .tickets: return perOrganisation ? .ticketsMonthly : .ticketsRegionMonthly
        case .usage: return .usageRegionMonthly
        case .deployments: return .deploymentCoverage
        case .training: return .trainingProgress
        }
    }

    /// The view's columns shown, in order.
    func columns(perOrganisation: Bool) -> [String] {
        switch self {
        case .tickets:
            return ["region_code"] + (perOrganisation ? ["org_code"] : [])
                + ["month", "opened", "resolved", "first_response_met_pct", "resolution_met_pct"]
        case .usage:
            return ["region_code", "month", "started", "completed", "forwarded", "population_served", "started_per_1000", "completed_per_1000"]
        case .deployments:
            return ["region_code", "service_code", "organisations_live", "organisations_piloting", "organisations_total",
                    "organisations_live_pct", "population_covered", "population_total", "population_covered_pct"]
        case .training:
            return ["region_code", "org_code", "course_code", "course_title", "tasks", "completed", "in_progress", "overdue",
                    "completion_pct"]
        }
    }

    /// The months shown unless others are asked for; nil for a page without months.
    var defaultMonths: Int? {
        switch self {
        case .tickets: return 12
        case .usage: return 24
        case .deployments, .training: return nil
        }
    }

    /// Whether the page can show organisations one by one (the ticket page: per region or per organisation).
    var canSplitByOrganisation: Bool { self == .tickets }
}
