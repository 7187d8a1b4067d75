import Foundation
import Postgres

/// Which logins the commands use, from the environment.
struct DatabaseSettings {
    /// The login the server and acting commands use: DML only, subject to row-level security.
    static let appLogin = "backoffice_app"

    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The schema owner: `DATABASE_URL`, or libpq's `PG*` variables.
    var owner: ConnectionConfiguration { .fromEnvironment(environment) }

    /// The server's login: `APP_DATABASE_URL`, or the owner's database as `backoffice_app`.
    var app: ConnectionConfiguration {
        if let url = environment["APP_DATABASE_URL"], !url.isEmpty { return ConnectionConfiguration(url) }
        var overrides = ["user": Self.appLogin]
        if let password = environment["APP_DATABASE_PASSWORD"] { overrides["password"] = password }
        return ConnectionConfiguration(owner.conninfo, overrides: overrides)
    }

    /// Runs `body` on a connection of the owner's, closed afterwards.
    func withOwnerConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = try await Connection.connect(owner)
        do {
            let value = try await body(connection)
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }
}
