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

        init(_ service: OmaoloService) {
            code = service.code
            family = service.family.rawValue
            nameFi = service.nameFi
            nameEn = service.nameEn
            active = service.active
        }
    }

    struct DeploymentBody: ResponseEncodable {
        let id: String
        let service: String
        let status: String
        /// The statuses it may move to next.
        let next: [String]
        let plannedStart: String?
        let liveSince: String?
        let retiredOn: String?
        let owner: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ deployment: Deployment) {
            id = deployment.id.wire
            service = deployment.serviceCode
            status = deployment.status.rawValue
            next = deployment.status.next.map(\.rawValue)
            plannedStart = deployment.plannedStart?.description
            liveSince = deployment.liveSince?.description
            retiredOn = deployment.retiredOn?.description
            owner = deployment.ownerEmail
            version = deployment.version
            createdAt = deployment.createdAt
            updatedAt = deployment.updatedAt
        }
    }

    struct EventBody: ResponseEncodable {
        let at: Date
        let actor: String?
        let fromStatus: String?
        let toStatus: String
        let note: String?
        let interface: String

        init(_ event: DeploymentEvent) {
            at = event.at
            actor = event.actorEmail
            fromStatus = event.from?.rawValue
            toStatus = event.to.rawValue
            note = event.note
            interface = event.interface.rawValue
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
    }
}
