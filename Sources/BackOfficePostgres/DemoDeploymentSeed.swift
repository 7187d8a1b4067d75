import BackOffice
import Foundation
import Postgres

/// Loads the demo deployments through the deployment service, each created and moved at its
/// own past moments (so `live_since` and the history are what the service would have made),
/// and 24 months of usage through the usage import, as a county admin. Organisations with
/// deployments, and a usage file already imported, are left alone: running it again adds nothing.
public struct DemoDeploymentSeed: Sendable {
    public static let usageFileName = "demo-usage.csv"

    public init() {}

    /// Returns how many deployments were added and how many usage rows were imported.
    @discardableResult
    public func load(app: ConnectionPool, now: Date = Date()) async throws -> (deployments: Int, usageRows: Int) {
        try await app.holdingSeedLock {
            let roles = RoleService(store: PostgresAccessStore(pool: app))
            guard let adminEmail = DemoData.people.first(where: { $0.role == CountyRole.countyAdmin.rawValue })?.email else { return (0, 0) }
            let admin = try await roles.principal(email: adminEmail, interface: .system)
            let deployments = try await loadDeployments(app: app, roles: roles, admin: admin, now: now)
            let usage = UsageImportService(store: PostgresUsageImportStore(pool: app))
            guard try await !usage.imports(for: admin).contains(where: { $0.fileName == Self.usageFileName }) else { return (deployments, 0) }
            let today = LocalDate(inFinland: now)
            let file = DemoDeployments.usageFile(before: (today.year, today.month))
            let imported = try await usage.importFile(named: Self.usageFileName, contents: Array(file.utf8), by: admin)
            return (deployments, imported.record.rowCount)
        }
    }

    private func loadDeployments(app: ConnectionPool, roles: RoleService, admin: Principal, now: Date) async throws -> Int {
        let clock = SettableClock()
        let service = DeploymentService(store: PostgresDeploymentStore(pool: app), access: roles, clock: { clock.now })
        func monthsAgo(_ months: Int) -> Date { now.addingTimeInterval(-Double(months) * 30.44 * 86_400) }
        var seen: [String: Bool] = [:]
        var added = 0
        for plan in DemoDeployments.plans() {
            let code = plan.organisationCode
            if seen[code] == nil { seen[code] = try await !service.deployments(in: code, for: admin).isEmpty }
            if seen[code] == true { continue }
            let firstMove = plan.moves.first?.monthsAgo ?? 0
            clock.set(monthsAgo(firstMove + 2))
            let start = LocalDate(inFinland: monthsAgo(plan.moves.isEmpty ? -3 : firstMove)).description
            _ = try await service.create(
                service: plan.serviceCode, plannedStart: start, owner: "omaolo-contact.\(code.lowercased())@pohde.example",
                note: "Käyttöönotto suunniteltu", in: code, by: admin)
            for move in plan.moves {
                clock.set(monthsAgo(move.monthsAgo))
                _ = try await service.changeStatus(
                    of: plan.serviceCode, to: move.status, note: nil, expectedVersion: nil, in: code, by: admin)
            }
            added += 1
        }
        return added
    }
}
