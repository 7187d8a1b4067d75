import ArgumentParser
import Foundation
import BackOffice
import BackOfficePostgres
import Postgres

/// The options of every command that acts for someone: who acts, and how to print.
struct ActingOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "E-mail of the person acting; checked against their roles and recorded.")
    var actor: String

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    /// Runs `body` with the role service on a pool of the app login and the acting principal
    /// (the training mails of a grant as the environment's mail settings say).
    func withRoleService(_ body: (RoleService, Principal) async throws -> Void) async throws {
        let mail = try MailSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        try await withAppPool { pool in
            let service = RoleService(store: PostgresAccessStore(pool: pool), mail: mail)
            try await body(service, try await service.principal(email: actor, interface: .cli))
        }
    }

    /// Runs `body` with the organisation service and the acting principal.
    func withOrganisationService(_ body: (OrganisationService, Principal) async throws -> Void) async throws {
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            let service = OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles)
            try await body(service, try await roles.principal(email: actor, interface: .cli))
        }
    }

    /// Runs `body` with the deployment service and the acting principal.
    func withDeploymentService(_ body: (DeploymentService, Principal) async throws -> Void) async throws {
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            let service = DeploymentService(store: PostgresDeploymentStore(pool: pool), access: roles)
            try await body(service, try await roles.principal(email: actor, interface: .cli))
        }
    }
}

extension ActingOptions {
    /// Runs `body` with the ticket service (on the support calendar of the environment) and the acting principal.
    func withTicketService(_ body: (TicketService, Principal) async throws -> Void) async throws {
        try await withTicketService { service, _, _, principal in try await body(service, principal) }
    }

    /// The same, with the role service and the pool under them, for services built on the ticket service.
    func withTicketService(_ body: (TicketService, RoleService, ConnectionPool, Principal) async throws -> Void) async throws {
        let environment = ProcessInfo.processInfo.environment
        let calendar = try SLACalendar.fromEnvironment(environment)
        let mail = try MailSettings.fromEnvironment(environment)
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            let service = TicketService(
                store: PostgresTicketStore(pool: pool), access: roles, cursors: HMACCursorSeal.fromEnvironment(environment),
                calendar: calendar, mail: mail)
            try await body(service, roles, pool, try await roles.principal(email: actor, interface: .cli))
        }
    }

    /// Runs `body` with the outbox's service and the acting principal.
    func withMailOutboxService(_ body: (MailOutboxService, Principal) async throws -> Void) async throws {
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            let service = MailOutboxService(
                store: PostgresMailOutbox(pool: pool), access: roles, cursors: HMACCursorSeal.fromEnvironment(ProcessInfo.processInfo.environment))
            try await body(service, try await roles.principal(email: actor, interface: .cli))
        }
    }
}

/// Runs `body` with a small pool of the app login, closed afterwards.
func withAppPool(_ body: (ConnectionPool) async throws -> Void) async throws {
    try await withPool(DatabaseSettings().app, maximumConnections: 2, body)
}

/// Runs `body` with a pool of `configuration`, closed afterwards.
func withPool(_ configuration: ConnectionConfiguration, maximumConnections: Int, _ body: (ConnectionPool) async throws -> Void) async throws {
    let pool = ConnectionPool(.init(connection: configuration, maximumConnections: maximumConnections))
    do {
        try await body(pool)
        await pool.close()
    } catch {
        await pool.close()
        throw error
    }
}
