import BackOffice
import Foundation

/// The county's deployments as a matrix: organisations with deployments grouped by region, one column per
/// service deployed somewhere, each cell the status (coloured) and the day it has held since.
struct DeploymentMatrix {
    struct Cell {
        let label: String?
        let statusClass: String
        let since: String?
        let href: String?
        let service: String
    }

    struct Row {
        let code: String
        let name: String
        let href: String
        let cells: [Cell]
    }

    struct Group {
        let region: String
        let rows: [Row]
    }

    let services: [Option]
    let groups: [Group]
    let legend: [Option]

    init(organisations: [Organisation], regions: [Region], services: [OmaoloService], deployments: [UUID: [Deployment]],
         labels: Labels, catalogue: Catalogue, days: Days) {
        let deployed = Set(deployments.values.flatMap { $0.map(\.serviceCode) })
        let active = services.filter { deployed.contains($0.code) }
        self.services = active.map { Option(value: $0.code, label: labels.service($0.code) ?? $0.code, selected: false) }
        let regionNames = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Organisations without a single deployment have nothing to show here (their own page says so).
        let byRegion = Dictionary(grouping: organisations.filter { deployments[$0.id]?.isEmpty == false }) { $0.regionCode ?? "" }
        groups = byRegion.keys.sorted { (regionNames[$0] ?? "~") < (regionNames[$1] ?? "~") }.map { region in
            let rows = byRegion[region]!.sorted { $0.name < $1.name }.map { organisation -> Row in
                let found = deployments[organisation.id] ?? []
                let cells = active.map { service -> Cell in
                    let serviceName = labels.service(service.code) ?? service.code
                    guard let deployment = found.first(where: { $0.serviceCode == service.code }) else {
                        return Cell(label: nil, statusClass: "deploy-none", since: nil, href: nil, service: serviceName)
                    }
                    return Cell(
                        label: DeploymentLabels.status(deployment, catalogue: catalogue), statusClass: "deploy-\(deployment.status.rawValue)",
                        since: days.day(DeploymentLabels.since(deployment)),
                        href: "/orgs/\(organisation.code)/deployments/\(deployment.serviceCode)", service: serviceName)
                }
                return Row(code: organisation.code, name: organisation.name, href: "/orgs/\(organisation.code)/deployments", cells: cells)
            }
            return Group(region: regionNames[region] ?? catalogue.text("deployments_no_region"), rows: rows)
        }
        legend = DeploymentStatus.allCases.map {
            Option(value: "deploy-\($0.rawValue)", label: catalogue.text("deploy_status_\($0.rawValue)"), selected: false)
        }
    }
}

/// How a deployment's status is said and since when it has held.
enum DeploymentLabels {
    static func status(_ deployment: Deployment, catalogue: Catalogue) -> String {
        deployment.liveOnOverride ? catalogue.text("deploy_status_live_override") : catalogue.text("deploy_status_\(deployment.status.rawValue)")
    }

    /// The day the current status began: live since, retired on, the planned start, or the last change.
    static func since(_ deployment: Deployment) -> LocalDate {
        switch deployment.status {
        case .live: return deployment.liveSince ?? LocalDate(inFinland: deployment.updatedAt)
        case .retired: return deployment.retiredOn ?? LocalDate(inFinland: deployment.updatedAt)
        case .planned: return deployment.plannedStart ?? LocalDate(inFinland: deployment.createdAt)
        case .piloting, .paused: return LocalDate(inFinland: deployment.updatedAt)
        }
    }
}
