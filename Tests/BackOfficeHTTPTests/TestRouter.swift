import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import Hummingbird
import Postgres

/// The real router over the real stores on `pool`, as `backoffice serve` builds it.
func testRouter(pool: ConnectionPool, readiness: DatabaseReadiness? = nil) -> Router<BackOfficeRequestContext> {
    let roles = RoleService(store: PostgresAccessStore(pool: pool))
    return buildRouter(HTTPDependencies(
        readiness: readiness ?? DatabaseReadiness(pool: pool, migrations: []), roles: roles,
        tokens: TokenService(store: PostgresTokenStore(pool: pool)),
        organisations: OrganisationService(store: PostgresOrganisationStore(pool: pool), access: roles)))
}
