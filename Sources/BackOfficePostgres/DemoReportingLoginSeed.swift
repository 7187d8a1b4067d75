import BackOffice
import Postgres

/// The demo's county-wide reporting login, `raportointi_<database>` (logins are the whole
/// cluster's, so the name carries the database's), with a fresh password on every load.
/// Runs as the schema owner, under the seed lock: two role changes at once would clash.
public struct DemoReportingLoginSeed: Sendable {
    public init() {}

    /// The login as granted (with its password) and where it connects to.
    public func grant(owner: ConnectionPool) async throws -> (login: GrantedReportingLogin, target: (host: String, port: String, database: String)) {
        try await owner.holdingSeedLock {
            let target = try await owner.withConnection { await $0.target() }
            let database = target.database.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            let login = try await ReportingLoginService(store: PostgresReportingLoginStore(pool: owner)).grant(
                name: String("raportointi_\(database)".prefix(63)), organisationCodes: [], county: true,
                password: ReportingLoginService.randomPassword())
            return (login, target)
        }
    }
}
