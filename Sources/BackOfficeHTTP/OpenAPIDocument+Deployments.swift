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
                method: .put, path: "/api/v1/services/{service}/readiness", id: "setServiceReadiness", tag: "deployments",
                summary: "Set the courses a service's users must hold and its readiness threshold",
                description: """
                    County admins. `required_courses` replaces the list (active course codes; `[]` for none); \
                    `threshold` is the percent of the organisation's professionals and Omaolo contacts who must \
                    hold every one of them before the service goes live (default 80). Give either or both. Live \
                    deployments stay live; those now below show in `/api/v1/deployments/at-risk`. Audited.
                    """,
                parameters: [service], body: "ReadinessRules",
                answers: [.init(status: 200, description: "The service as changed", schema: ref("Service"))],
                problems: [403, 422]),
            Operation(
                method: .put, path: "/api/v1/service-families/{family}/readiness", id: "setFamilyReadiness", tag: "deployments",
                summary: "Set the readiness rules of every service of a family",
                description: "As `setServiceReadiness`, for each service of the family (e.g. every symptom assessment).",
                parameters: [parameter("family")], body: "ReadinessRules",
                answers: [.init(status: 200, description: "The services as changed", schema: ref("ServicePage"))],
                problems: [403, 404, 422]),
            Operation(
                method: .get, path: "/api/v1/deployments/at-risk", id: "listDeploymentsAtRisk", tag: "deployments",
                summary: "Live deployments below their training readiness threshold",
                description: """
                    Every organisation's for holders of a county role, otherwise those of the caller's \
                    organisations; by organisation and service. Each carries its readiness: who lacks which course, \
                    and a link to the organisation's open tasks of it (the renewal job opens them for expiring \
                    completions; granting a role assigns them).
                    """,
                parameters: page,
                answers: [.init(status: 200, description: "A page of deployments", schema: ref("DeploymentPage"))],
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
                parameters: [code, parameter("idempotencyKey")], body: "NewDeployment",
                answers: .made("The deployment", schema: ref("Deployment")),
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

                    The training gate: a move to `piloting` needs the owner and one Omaolo contact holding every \
                    course the service requires, a move to `live` a readiness at or above the service's threshold; \
                    otherwise a 409 names the share, the threshold and how many people lack which course. A county \
                    admin may go past it with `override_reason` (20 characters or more; anyone else gets a 403): \
                    the override is kept in the history and the audit log, and the deployment shows as \
                    `live (override)` until its readiness reaches the threshold.
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
                "readiness_threshold": integer.described("Percent of the people in scope who must be fully trained to go live"),
                "required_courses": array(of: string).described("Codes of the courses its users must hold"),
            ]),
            "ServicePage": page(of: "Service"),
            "ReadinessRules": object(
                required: [:],
                optional: [
                    "required_courses": nullable(array(of: string)).described("Replaces the list; absent or null leaves it"),
                    "threshold": nullable(["type": "integer", "minimum": 0, "maximum": 100]),
                ]),
            "Readiness": object(
                required: [
                    "threshold_percent": integer,
                    "people": integer.described("Members holding professional or omaolo_contact today"),
                    "fully_trained": integer.described("Of them, those holding every required course"),
                    "percent": ["type": "number", "description": "fully_trained of people, one decimal"],
                    "meets_threshold": boolean,
                    "contacts": integer, "contacts_trained": integer,
                    "owner_trained": boolean,
                    "courses": array(of: object(required: [
                        "course": string, "lacking": integer.described("People in scope without a valid completion"),
                        "lacking_with_open_task": integer,
                        "open_tasks": string.described("The organisation's open tasks of the course (an API path)"),
                    ])),
                ]),
            "Deployment": object(
                required: [
                    "id": uuid,
                    "organisation": string.described("The organisation's code"),
                    "service": string.described("The service's code"),
                    "status": enumeration(DeploymentStatus.self),
                    "status_label": string.described("`live (override)` while live on an override below the threshold; else the status"),
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
                    "override_reason": string.described("Why a county admin let it past the readiness gate"),
                    "readiness": ref("Readiness").described("Absent once retired"),
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
                    "override_reason": string.described("Present when the move went past the readiness gate"),
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
                optional: [
                    "note": nullable(string.limited(2000)),
                    "override_reason": nullable(["type": "string", "minLength": 20, "maxLength": 2000])
                        .described("County admins: go past the readiness gate, for this reason"),
                ]),
        ]
    }
}
