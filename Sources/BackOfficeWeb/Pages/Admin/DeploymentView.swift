import BackOffice
import Foundation

/// A deployment's page: what it is and since when, its training readiness with the numbers,
/// its history, and the status change form with only the moves allowed from here.
struct DeploymentView {
    /// A deployment as one line of a list.
    struct Summary {
        let service: String
        let serviceCode: String
        let href: String
        let status: String
        let statusClass: String
        let since: String
        let owner: String
        let version: Int
        let atRisk: Bool

        init(_ deployment: Deployment, organisation: Organisation, labels: Labels, catalogue: Catalogue, days: Days) {
            service = labels.service(deployment.serviceCode) ?? deployment.serviceCode
            serviceCode = deployment.serviceCode
            href = "/orgs/\(organisation.code)/deployments/\(deployment.serviceCode)"
            status = DeploymentLabels.status(deployment, catalogue: catalogue)
            statusClass = "deploy-\(deployment.status.rawValue)"
            since = days.day(DeploymentLabels.since(deployment))
            owner = deployment.ownerEmail ?? "–"
            version = deployment.version
            atRisk = deployment.atRisk
        }
    }

    /// An organisation's deployments.
    struct List {
        let heading: OrganisationTabs
        let rows: [Summary]
        let hasRows: Bool
    }

    struct Readiness {
        let percent: String
        let people: Int
        let fullyTrained: Int
        let threshold: Int
        let contacts: Int
        let contactsTrained: Int
        let ownerTrained: Bool
        let meets: Bool
        let gaps: [Option]
        let hasGaps: Bool
    }

    struct Event {
        let when: String
        let who: String
        let move: String
        let note: String?
        let overrideReason: String?
    }

    let heading: OrganisationTabs
    let summary: Summary
    let plannedStart: String?
    let readiness: Readiness?
    let history: [Event]
    let mayMove: Bool
    let moves: [Option]
    let hasMoves: Bool
    let mayOverride: Bool
    let errors: [String: String]
    let notice: String?
    let typedNote: String
    let typedOverride: String

    init(deployment: Deployment, history: [DeploymentEvent], organisation: Organisation, principal: Principal, labels: Labels,
         catalogue: Catalogue, language: Language, errors: [String: String], notice: String?, typedNote: String, typedOverride: String) {
        let days = Days(language: language), time = HelsinkiTime(language: language)
        heading = OrganisationTabs(organisation, principal: principal, current: "deployments", catalogue: catalogue)
        summary = Summary(deployment, organisation: organisation, labels: labels, catalogue: catalogue, days: days)
        plannedStart = deployment.plannedStart.map(days.day)
        readiness = deployment.readiness.map { readiness in
            Readiness(
                percent: catalogue.decimal(readiness.percentText), people: readiness.people, fullyTrained: readiness.fullyTrained,
                threshold: readiness.thresholdPercent, contacts: readiness.contacts, contactsTrained: readiness.contactsTrained,
                ownerTrained: readiness.ownerTrained, meets: readiness.meetsThreshold,
                gaps: readiness.gaps.map {
                    Option(value: $0.code, label: catalogue.text("deployment_lacking", ["count": String($0.lacking), "open": String($0.lackingWithOpenTask)]), selected: false)
                },
                hasGaps: !readiness.gaps.isEmpty)
        }
        self.history = history.reversed().map { event in
            let to = catalogue.text("deploy_status_\(event.to.rawValue)")
            return Event(
                when: time.moment(event.at), who: event.actorEmail ?? catalogue.text("granted_by_system"),
                move: event.from.map { "\(catalogue.text("deploy_status_\($0.rawValue)")) → \(to)" } ?? catalogue.text("deployment_created", ["status": to]),
                note: event.note, overrideReason: event.overrideReason)
        }
        mayMove = PermissionMatrix.allows(principal, .setDeploymentStatus, in: organisation.id)
        moves = deployment.status.next.map { Option(value: $0.rawValue, label: catalogue.text("deploy_status_\($0.rawValue)"), selected: false) }
        hasMoves = mayMove && !moves.isEmpty
        mayOverride = principal.countyRoles.contains(.countyAdmin)
        self.errors = errors
        self.notice = notice
        self.typedNote = typedNote
        self.typedOverride = typedOverride
    }
}
