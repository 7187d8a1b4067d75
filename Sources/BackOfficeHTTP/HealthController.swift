import BackOffice
import Hummingbird

/// `/health/live` (the process answers) and `/health/ready` (the database is reachable and its
/// schema is current): 200 when ready, 503 with the failing checks otherwise.
struct HealthController<Context: RequestContext>: Sendable {
    let probe: any ReadinessProbe

    struct CheckBody: ResponseCodable {
        let name: String
        let passed: Bool
        let detail: String
    }

    struct StatusBody: ResponseCodable {
        let status: String
        let checks: [CheckBody]
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/health/live") { _, _ in
            StatusBody(status: "live", checks: [])
        }
        router.get("/health/ready") { _, _ in
            let readiness = await probe.readiness()
            let body = StatusBody(
                status: readiness.isReady ? "ready" : "not_ready",
                checks: readiness.checks.map { CheckBody(name: $0.name, passed: $0.passed, detail: $0.detail) })
            return EditedResponse(status: readiness.isReady ? .ok : .serviceUnavailable, response: body)
        }
    }
}
