import BackOffice
import Foundation
import Postgres

/// Sets the training the demo catalogue's services need (`DemoReadiness`) and lets the
/// overridden demo deployment go live on a county admin's override, through the deployment
/// service. Run after the demo deployments and training (the deployments' past moves were made
/// before the rules existed). Running it again changes nothing.
public struct DemoReadinessSeed: Sendable {
    public init() {}

    /// Returns how many services' rules were set and whether the override was made now.
    @discardableResult
    public func load(app: ConnectionPool) async throws -> (services: Int, overridden: Bool) {
        try await app.holdingSeedLock {
            let roles = RoleService(store: PostgresAccessStore(pool: app))
            guard let adminEmail = DemoData.people.first(where: { $0.role == CountyRole.countyAdmin.rawValue })?.email else { return (0, false) }
            let admin = try await roles.principal(email: adminEmail, interface: .system)
            let deployments = DeploymentService(store: PostgresDeploymentStore(pool: app), access: roles)
            var set = 0
            for family in OmaoloServiceFamily.allCases {
                set += try await deployments.setReadinessRules(
                    of: .family(family), requiredCourses: DemoReadiness.courses(for: family), threshold: nil, by: admin).count
            }
            let (organisation, service) = DemoReadiness.overridden
            guard try await deployments.deployment(of: service, in: organisation, for: admin).status == .piloting else { return (set, false) }
            _ = try await deployments.changeStatus(
                of: service, to: DeploymentStatus.live.rawValue, note: nil, expectedVersion: nil,
                overrideReason: DemoReadiness.overrideReason, in: organisation, by: admin)
            return (set, true)
        }
    }
}
