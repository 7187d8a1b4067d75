import BackOffice
import Hummingbird

/// The operations and schemas of `DeploymentController`, in the order it adds them.
extension OpenAPIDocument {
    static var deploymentOperations: [Operation] {
        let page = [parameter("limit"), parameter("cursor")]
        let code = parameter("code")
        let service = parameter("service")
        return [
            Operation(
                method: .get, path: "/api/v1/services", id: "listServices", tag: "deployments",
                summary: "The county's Omaolo service catalogue", description: "Every service, sorted by code.",
                parameters: page,
                answers: [.init(status: 200, description: "A page of services", schema: ref("ServicePage"))],
                problems: [422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/deployments", id: "listDeployments", tag: "deployments",
                summary: "The organisation's deployments", description: "Sorted by service code.",
                parameters: [code] + page,
                answers: [.init(status: 200, description: "A page of deployments", schema: ref("DeploymentPage"))],
                problems: [404, 422]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/deployments", id: "createDeployment", tag: "deployments",
                summary: "Plan the deployment of a service",
                description: """
                    County admins, and the organisation's org_admins and Omaolo contacts. The deployment starts as \
                    `planned`; the owner must be an active member of the organisation. A second deployment of the \
                    same service is a 409.
                    """,
                parameters: [code], body: "NewDeployment",
                answers: [.init(status: 201, description: "The deployment", schema: ref("Deployment"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/deployments/{service}", id: "showDeployment", tag: "deployments",
                summary: "One deployment", parameters: [code, service],
                answers: [.init(status: 200, description: "The deployment", schema: ref("Deployment"))],
                problems: [404]),
            Operation(
                method: .post, path: "/api/v1/orgs/{code}/deployments/{service}/status", id: "changeDeploymentStatus",
                tag: "deployments", summary: "Move a deployment to another status",
                description: """
                    `planned → piloting → live ⇄ paused`, and any status but `retired` → `retired`. A move that is \
                    not allowed is a 409 naming the allowed ones, as is a `version` other than the current one. \
                    Going live the first time sets `live_since`; retiring sets `retired_on`. Recorded in the \
                    deployment's events and the audit log.
                    """,
                parameters: [code, service], body: "DeploymentStatusChange",
                answers: [.init(status: 200, description: "The deployment as changed", schema: ref("Deployment"))],
                problems: [403, 404, 409, 422]),
            Operation(
                method: .get, path: "/api/v1/orgs/{code}/deployments/{service}/events", id: "listDeploymentEvents",
                tag: "deployments", summary: "A deployment's history, oldest first",
                parameters: [code, service] + page,
                answers: [.init(status: 200, description: "A page of events", schema: ref("DeploymentEventPage"))],
                problems: [404, 422]),
        ]
    }

    static var deploymentSchemas: JSON {
        let day: JSON = ["type": "string", "format": "date"]
        return [
            "Service": object(required: [
                "code": string.described("The stable key, e.g. `symptom_back_pain`"),
                "family": enumeration(OmaoloServiceFamily.self),
                "name_fi": string,
                "name_en": string,
                "active": boolean,
            ]),
            "ServicePage": page(of: "Service"),
            "Deployment": object(
                required: [
                    "id": uuid,
                    "service": string.described("The service's code"),
                    "status": enumeration(DeploymentStatus.self),
                    "next": array(of: enumeration(DeploymentStatus.self)).described("The statuses it may move to"),
                    "version": integer.described("Send it back with a status change"),
                    "created_at": dateTime,
                    "updated_at": dateTime,
                ],
                optional: [
                    "planned_start": day,
                    "live_since": day.described("The day it first went live"),
                    "retired_on": day,
                    "owner": email.described("The member responsible"),
                ]),
            "DeploymentPage": page(of: "Deployment"),
            "DeploymentEvent": object(
                required: [
                    "at": dateTime,
                    "to_status": enumeration(DeploymentStatus.self),
                    "interface": enumeration(Interface.self),
                ],
                optional: [
                    "actor": email.described("Absent for the system"),
                    "from_status": enumeration(DeploymentStatus.self).described("Absent for the creation"),
                    "note": string,
                ]),
            "DeploymentEventPage": page(of: "DeploymentEvent"),
            "NewDeployment": object(
                required: [
                    "service": string.described("A service code of `/api/v1/services`"),
                    "owner": email.described("An active member of the organisation"),
                ],
                optional: [
                    "planned_start": nullable(day),
                    "note": nullable(string.limited(2000)),
                ]),
            "DeploymentStatusChange": object(
                required: [
                    "status": enumeration(DeploymentStatus.self),
                    "version": integer.described("The deployment's current version"),
                ],
                optional: ["note": nullable(string.limited(2000))]),
        ]
    }
}
