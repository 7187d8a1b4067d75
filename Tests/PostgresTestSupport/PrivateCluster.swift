import Foundation

/// A throwaway PostgreSQL cluster of its own, started with `scripts/pg.sh` in a temporary
/// folder on a random port, for tests that must stop or restart a server without disturbing
/// the shared test database.
public struct PrivateCluster: Sendable {
    public let root: URL
    public let port: Int
    /// The owner's URL of the cluster's `backoffice` database.
    public let url: String

    private static var script: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/pg.sh")
    }

    public static func start() async throws -> PrivateCluster {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("omaolo-test-cluster-\(UUID().uuidString.prefix(8))")
        let port = Int.random(in: 55_000...59_999)
        _ = try await run(["start"], root: root, port: port)
        let url = try await run(["url"], root: root, port: port).trimmingCharacters(in: .whitespacesAndNewlines)
        return PrivateCluster(root: root, port: port, url: url)
    }

    /// `pg_ctl restart -m fast`: every server process ends and the server comes back.
    public func restart() async throws {
        _ = try await Self.run(["restart"], root: root, port: port)
    }

    /// Stops the server and removes its folder.
    public func destroy() async throws {
        _ = try await Self.run(["stop"], root: root, port: port)
        try? FileManager.default.removeItem(at: root)
    }

    public struct ScriptFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `scripts/pg.sh` for this cluster.
    private static func run(_ arguments: [String], root: URL, port: Int) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["PG_ROOT"] = root.path
        environment["PG_PORT"] = String(port)
        let outcome = try await ChildProcess.run(script.path, arguments, environment: environment)
        guard outcome.status == 0 else {
            throw ScriptFailed(description: "scripts/pg.sh \(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.errors)")
        }
        return outcome.output
    }
}
