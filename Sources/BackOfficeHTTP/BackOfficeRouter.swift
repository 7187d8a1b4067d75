import BackOffice
import Hummingbird

/// What the HTTP adapter needs from the rest of the back office.
public struct HTTPDependencies: Sendable {
    public let readiness: any ReadinessProbe

    public init(readiness: any ReadinessProbe) {
        self.readiness = readiness
    }
}

/// The router with every route of the back office; the same one serves and is tested.
public func buildRouter(_ dependencies: HTTPDependencies) -> Router<BasicRequestContext> {
    let router = Router()
    HealthController<BasicRequestContext>(probe: dependencies.readiness).addRoutes(to: router)
    return router
}
