import Foundation
import Logging
import Postgres

/// Applies `sql/migrations/` to a database, connected as the schema's owner.
///
/// Each pending file runs in its own transaction and is recorded in `schema_migrations` with
/// its SHA-256, duration and the login that ran it. A session advisory lock keeps two runners
/// from colliding: the second waits, then finds nothing left to do. An applied file that was
/// changed or removed stops the run before anything is applied.
public struct MigrationRunner: Sendable {
    /// The record of one migration as the database holds it, or as it is still to be applied.
    public struct Status: Sendable, Equatable {
        public enum State: String, Sendable { case applied, pending, changed, missing }
        public let name: String
        public let state: State
        public let appliedAt: Date?
        public let durationMilliseconds: Int?
        public let appliedBy: String?
    }

    /// An arbitrary constant shared by every runner of this schema.
    static let advisoryLockKey = 4_733_221_900_117
    let migrations: [Migration]
    let logger: Logger

    public init(migrations: [Migration], logger: Logger = Logger(label: "backoffice.migrations")) {
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies every pending migration; returns the names applied.
    @discardableResult
    public func migrate(on connection: Connection) async throws -> [String] {
        try await connection.execute("SELECT pg_advisory_lock(\(Self.advisoryLockKey))")
        do {
            let applied = try await applyPending(on: connection)
            try await connection.execute("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))")
            return applied
        } catch {
            _ = try? await connection.execute("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))")
            throw error
        }
    }

    /// Every migration file and every recorded one, in order, with its state.
    public func status(on connection: Connection) async throws -> [Status] {
        let recorded = try await records(on: connection)
        var statuses: [Status] = []
        for migration in migrations {
            if let record = recorded[migration.version] {
                statuses.append(record.status(record.sha256 == migration.sha256 && record.name == migration.name ? .applied : .changed))
            } else {
                statuses.append(Status(name: migration.name, state: .pending, appliedAt: nil, durationMilliseconds: nil, appliedBy: nil))
            }
        }
        let known = Set(migrations.map(\.version))
        for record in recorded.values where !known.contains(record.version) {
            statuses.append(record.status(.missing))
        }
        return statuses.sorted { $0.name < $1.name }
    }

    /// Whether every file is applied, unchanged, and nothing applied is missing.
    public func isCurrent(on connection: Connection) async throws -> Bool {
        try await status(on: connection).allSatisfy { $0.state == .applied }
    }

    private func applyPending(on connection: Connection) async throws -> [String] {
        try await connection.executeScript("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version text PRIMARY KEY,
                name text NOT NULL,
                sha256 text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                duration_ms integer NOT NULL,
                applied_by text NOT NULL DEFAULT current_user
            )
            """)
        let recorded = try await records(on: connection)
        try verify(recorded)
        var applied: [String] = []
        for migration in migrations where recorded[migration.version] == nil {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                try await connection.withTransaction { transaction in
                    try await transaction.connection.executeScript(migration.sql)
                    let elapsed = clock.now - started
                    let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                    try await transaction.execute("""
                        INSERT INTO schema_migrations (version, name, sha256, duration_ms)
                        VALUES (\(migration.version), \(migration.name), \(migration.sha256), \(milliseconds))
                        """)
                }
            } catch let error as PostgresError {
                throw MigrationError.failed(name: migration.name, reason: error.description)
            }
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            applied.append(migration.name)
        }
        return applied
    }

    private func verify(_ recorded: [String: Record]) throws {
        let files = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in recorded.values.sorted(by: { $0.version < $1.version }) {
            guard let file = files[record.version], file.name == record.name else {
                throw MigrationError.appliedFileMissing(record.name)
            }
            guard file.sha256 == record.sha256 else {
                throw MigrationError.changedAfterApplied(name: record.name, recorded: record.sha256, actual: file.sha256)
            }
        }
    }

    struct Record {
        let version, name, sha256, appliedBy: String
        let appliedAt: Date
        let durationMilliseconds: Int

        func status(_ state: Status.State) -> Status {
            Status(name: name, state: state, appliedAt: appliedAt, durationMilliseconds: durationMilliseconds, appliedBy: appliedBy)
        }
    }

    private func records(on connection: Connection) async throws -> [String: Record] {
        let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            .single().decode(Bool.self, "present")
        guard exists else { return [:] }
        let rows = try await connection.query(
            "SELECT version, name, sha256, applied_at, duration_ms, applied_by FROM schema_migrations ORDER BY version")
        var records: [String: Record] = [:]
        for row in rows {
            let record = Record(
                version: try row.decode(String.self, "version"), name: try row.decode(String.self, "name"),
                sha256: try row.decode(String.self, "sha256"), appliedBy: try row.decode(String.self, "applied_by"),
                appliedAt: try row.decode(Date.self, "applied_at"), durationMilliseconds: try row.decode(Int.self, "duration_ms"))
            records[record.version] = record
        }
        return records
    }
}
