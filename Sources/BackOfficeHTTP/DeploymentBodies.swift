import BackOffice
import Foundation
import Hummingbird

/// The JSON shapes of the deployment API (snake_case on the wire).
enum DeploymentBodies {
    struct ServiceBody: ResponseEncodable {
        let code: String
        let family: String
        let nameFi: String
        let nameEn: String
        let active: Bool
        let readinessThreshold: Int
        let requiredCourses: [String]

        enum CodingKeys: String, CodingKey {
            case code, family, nameFi = "name_fi", nameEn = "name_en", active,
                readinessThreshold = "readiness_threshold", requiredCourses = "required_courses"
        }

        init(_ service: OmaoloService) {
            code = service.code
            family = service.family.rawValue
            nameFi = service.nameFi
            nameEn = service.nameEn
            active = service.active
            readinessThreshold = service.readinessThreshold
            requiredCourses = service.requiredCourses
        }
    }

    /// A required course and who lacks it, with the link to the organisation's open tasks of it.
    struct ReadinessCourseBody: Encodable, Sendable {
        let course: String
        let lacking: Int
        let lackingWithOpenTask: Int
        let openTasks: String

        enum CodingKeys: String, CodingKey {
            case course, lacking, lackingWithOpenTask = "lacking_with_open_task", openTasks = "open_tasks"
        }

        init(_ course: DeploymentReadiness.Course, organisation: String) {
            self.course = course.code
            lacking = course.lacking
            lackingWithOpenTask = course.lackingWithOpenTask
            openTasks = "/api/v1/orgs/\(organisation)/training?course=\(course.code)&status=assigned,in_progress"
        }
    }

    struct ReadinessBody: Encodable, Sendable {
        let thresholdPercent: Int
        let people: Int
        let fullyTrained: Int
        /// One decimal.
        let percent: Double
        let meetsThreshold: Bool
        let contacts: Int
        let contactsTrained: Int
        let ownerTrained: Bool
        let courses: [ReadinessCourseBody]

        enum CodingKeys: String, CodingKey {
            case thresholdPercent = "threshold_percent", people, fullyTrained = "fully_trained", percent,
                meetsThreshold = "meets_threshold", contacts, contactsTrained = "contacts_trained",
                ownerTrained = "owner_trained", courses
        }

        init(_ readiness: DeploymentReadiness, organisation: String) {
            thresholdPercent = readiness.thresholdPercent
            people = readiness.people
            fullyTrained = readiness.fullyTrained
            percent = (readiness.percent * 10).rounded() / 10
            meetsThreshold = readiness.meetsThreshold
            contacts = readiness.contacts
            contactsTrained = readiness.contactsTrained
            ownerTrained = readiness.ownerTrained
            courses = readiness.courses.map { ReadinessCourseBody($0, organisation: organisation) }
        }
    }

    struct DeploymentBody: ResponseEncodable {
        let id: String
        let organisation: String
        let service: String
        let status: String
        /// `live (override)` while live on an override below the threshold; else the status.
        let statusLabel: String
        /// The statuses it may move to next.
        let next: [String]
        let plannedStart: String?
        let liveSince: String?
        let retiredOn: String?
        let owner: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date
        let overrideReason: String?
        let readiness: ReadinessBody?

        enum CodingKeys: String, CodingKey {
            case id, organisation, service, status, statusLabel = "status_label", next, plannedStart = "planned_start",
                liveSince = "live_since", retiredOn = "retired_on", owner, version, createdAt = "created_at",
                updatedAt = "updated_at", overrideReason = "override_reason", readiness
        }

        init(_ deployment: Deployment, organisation: String) {
            id = deployment.id.wire
            self.organisation = organisation
            service = deployment.serviceCode
            status = deployment.status.rawValue
            statusLabel = deployment.statusLabel
            next = deployment.status.next.map(\.rawValue)
            plannedStart = deployment.plannedStart?.description
            liveSince = deployment.liveSince?.description
            retiredOn = deployment.retiredOn?.description
            owner = deployment.ownerEmail
            version = deployment.version
            createdAt = deployment.createdAt
            updatedAt = deployment.updatedAt
            overrideReason = deployment.overrideReason
            readiness = deployment.readiness.map { ReadinessBody($0, organisation: organisation) }
        }

        init(_ atRisk: DeploymentAtRisk) {
            self.init(atRisk.deployment, organisation: atRisk.organisationCode)
        }
    }

    struct EventBody: ResponseEncodable {
        let at: Date
        let actor: String?
        let fromStatus: String?
        let toStatus: String
        let note: String?
        let interface: String
        let overrideReason: String?

        enum CodingKeys: String, CodingKey {
            case at, actor, fromStatus = "from_status", toStatus = "to_status", note, interface,
                overrideReason = "override_reason"
        }

        init(_ event: DeploymentEvent) {
            at = event.at
            actor = event.actorEmail
            fromStatus = event.from?.rawValue
            toStatus = event.to.rawValue
            note = event.note
            interface = event.interface.rawValue
            overrideReason = event.overrideReason
        }
    }

    struct NewDeployment: Decodable {
        let service: String
        let plannedStart: String?
        let owner: String
        let note: String?
    }

    struct StatusChange: Decodable {
        let status: String
        let note: String?
        let version: Int
        /// A county admin's reason to go past the readiness gate.
        let overrideReason: String?
    }

    /// `PUT /services/{service}/readiness` and `PUT /service-families/{family}/readiness`.
    struct ReadinessRulesBody: Decodable {
        let requiredCourses: [String]?
        let threshold: Int?
    }
}
