import Foundation
import Postgres

/// The database `make test` starts, migrates and names in `DATABASE_URL` (as its owner).
/// A test that finds none fails; it never skips.
public enum TestDatabase {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "DATABASE_URL is not set: run the tests with `make test`, which starts PostgreSQL"
        }
    }

    /// The schema owner's connection settings.
    public static func configuration() throws -> ConnectionConfiguration {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { throw Missing() }
        return ConnectionConfiguration(url)
    }

    /// The same database as the server's login, `backoffice_app`: DML only, under RLS.
    public static func appConfiguration() throws -> ConnectionConfiguration {
        ConnectionConfiguration(try configuration().conninfo, overrides: ["user": "backoffice_app"])
    }

    public static func connect() async throws -> Connection {
        try await Connection.connect(configuration())
    }

    /// Runs `body` on a connection of its own (the owner's unless another is given), closed afterwards.
    @discardableResult
    public static func withConnection<T>(
        _ configuration: ConnectionConfiguration? = nil,
        _ body: (Connection) async throws -> T
    ) async throws -> T {
        let connection = try await Connection.connect(configuration ?? self.configuration())
        do {
            let value = try await body(connection)
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }

    public static func pool(
        _ configuration: ConnectionConfiguration? = nil, maximumConnections: Int, leaseTimeout: Duration = .seconds(10)
    ) throws -> ConnectionPool {
        ConnectionPool(.init(
            connection: try configuration ?? self.configuration(), maximumConnections: maximumConnections,
            leaseTimeout: leaseTimeout))
    }
}

/// Thrown by a test to roll its transaction back.
public struct RollBack: Error {
    public init() {}
}
