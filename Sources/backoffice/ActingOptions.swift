import ArgumentParser
import BackOffice
import BackOfficePostgres
import Postgres

/// The options of every command that acts for someone: who acts, and how to print.
struct ActingOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "E-mail of the person acting; checked against their roles and recorded.")
    var actor: String

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    /// Runs `body` with the role service on a pool of the app login and the acting principal.
    func withRoleService(_ body: (RoleService, Principal) async throws -> Void) async throws {
        let pool = ConnectionPool(.init(connection: DatabaseSettings().app, maximumConnections: 2))
        do {
            let service = RoleService(store: PostgresAccessStore(pool: pool))
            try await body(service, try await service.principal(email: actor, interface: .cli))
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
