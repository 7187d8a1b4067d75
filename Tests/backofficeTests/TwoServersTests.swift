import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresTestSupport
import Testing

/// Two `backoffice serve` processes on one database: what one process (here a third, the
/// command line) changes reaches the other's in-memory principals within a second.
@Suite("Two servers on one database")
struct TwoServersTests {
    let cli = CommandLineTests()

    @Test func aTokenRevokedElsewhereIsRefusedByBothServersWithinASecond() async throws {
        _ = try TestDatabase.configuration()
        let seeded = try await cli.run(["seed", "demo"])
        #expect(seeded.status == 0, "\(seeded.errors)")
        let person = "teemu.tukipalvelu@pohde.example"
        let made = try await cli.run(["token", "create", "--person", person, "--name", "kaksi-palvelinta", "--format", "json"])
        #expect(made.status == 0, "\(made.errors)")
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(made.output.utf8)) as? [[String: Any]])?.first)
        let secret = try #require(token["token"] as? String)
        let id = try #require(token["id"] as? String)

        let ports = try [ChildProcess.freePort(), ChildProcess.freePort()]
        // No delivery pass: the shared test database's outbox belongs to the other tests.
        let servers = try ports.map { port in
            try ChildProcess.start(
                CommandLineTests.executable.path, ["serve", "--port", String(port), "--no-metrics"],
                environment: ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning", "MAIL_DELIVERY_SECONDS": "0"]) { $1 })
        }
        do {
            let headers: HTTPFields = [.authorization: "Bearer \(secret)"]
            func status(_ port: Int) async throws -> Int? {
                try? await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                    try await client.get("/api/v1/me", headers: headers).head.status.code
                }
            }
            for port in ports {
                try await eventually("the server on \(port) answers", within: .seconds(30)) { try await status(port) == 200 }
            }
            let revoked = try await cli.run(["token", "revoke", "--person", person, "--id", id])
            #expect(revoked.status == 0, "\(revoked.errors)")
            let waited = try await eventually("both servers refuse the revoked token", within: .seconds(1)) {
                let first = try await status(ports[0]), second = try await status(ports[1])
                return first == 401 && second == 401
            }
            #expect(waited < .seconds(1))
        } catch {
            for server in servers { await server.stop() }
            throw error
        }
        for server in servers { await server.stop() }
    }
}
