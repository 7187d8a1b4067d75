import BackOffice
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import PostgresTestSupport
import Testing

@Suite("X-Request-Id through the real router")
struct RequestIdRoutesTests {
    static let header = HTTPField.Name("X-Request-Id")!

    func send(_ calls: [RouteClient.Call]) async throws -> [RouteClient.Answer] {
        let pool = try TestDatabase.pool(try TestDatabase.appConfiguration(), maximumConnections: 1)
        let answers = try await RouteClient(pool: pool).send(calls)
        await pool.close()
        return answers
    }

    @Test func aSaneIdIsEchoedAndNamesTheProblem() async throws {
        let given = "ops-\(UUID().uuidString.lowercased())"
        let answers = try await send([
            .init(.get, "/api/v1/no-such-thing", token: nil, headers: [Self.header: given]),
            .init(.get, "/health/live", token: nil, headers: [Self.header: given + "-2"]),
        ])
        #expect(answers[0].status == .notFound)
        #expect(answers[0].headers[Self.header] == given)
        #expect(answers[0].json["instance"] as? String == given)
        #expect(answers[1].status == .ok)
        #expect(answers[1].headers[Self.header] == given + "-2")
    }

    @Test func anInsaneIdIsReplacedByOneOfTheServers() async throws {
        let given = "ei käy <script>"
        let answers = try await send([.init(.get, "/api/v1/orgs/X/tickets", token: nil, headers: [Self.header: given])])
        let made = try #require(answers[0].headers[Self.header])
        #expect(made != given)
        #expect(RequestTrace.isSane(made))
        #expect(answers[0].status == .unauthorized)
        #expect(answers[0].json["instance"] as? String == made)
    }
}
