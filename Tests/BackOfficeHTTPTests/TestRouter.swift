import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import Foundation
import Hummingbird
import Postgres
import PostgresTestSupport

/// The services of the back office on a pool of the app login to the test database.
struct TestServices {
    let pool: ConnectionPool
    let roles: RoleService
    let tokens: TokenService

    init() throws {
        pool = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 4)
        roles = RoleService(store: PostgresAccessStore(pool: pool))
        tokens = TokenService(store: PostgresTokenStore(pool: pool))
    }
}

/// The cursor seal of the test routers: one secret for the run, as one server has.
let testCursorSeal = HMACCursorSeal(secret: "testi-\(UUID().uuidString)")

/// The real router over the real stores on `pool`, as `backoffice serve` builds it.
func testRouter(pool: ConnectionPool, readiness: DatabaseReadiness? = nil) -> Router<BackOfficeRequestContext> {
    let roles = RoleService(store: PostgresAccessStore(pool: pool))
    let tickets = TicketService(store: PostgresTicketStore(pool: pool), access: roles, cursors: testCursorSeal)
    return buildRouter(HTTPDependencies(
        readiness: readiness ?? DatabaseReadiness(pool: pool, migrations: []), roles: roles,
        tokens: TokenService(store: PostgresTokenStore(pool: pool)),
        organisations: OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles),
        tickets: tickets,
        cannedReplies: CannedReplyService(store: PostgresCannedReplyStore(pool: pool), access: roles, tickets: tickets),
        deployments: DeploymentService(store: PostgresDeploymentStore(pool: pool), access: roles),
        usage: UsageImportService(store: PostgresUsageImportStore(pool: pool)),
        training: TrainingService(store: PostgresTrainingStore(pool: pool), access: roles),
        privacy: PrivacyService(store: PostgresPrivacyStore(pool: pool)),
        outbox: MailOutboxService(store: PostgresMailOutbox(pool: pool), access: roles, cursors: testCursorSeal),
        views: SavedViewService(store: PostgresSavedViewStore(pool: pool)), cursors: testCursorSeal))
}
