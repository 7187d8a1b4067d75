import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport
import Testing

/// What a request costs the database once the server is warm: its caches filled (their
/// listener running) and its statements prepared on the pool's one connection.
@Suite("Round trips per request")
struct RoundTripRoutesTests {
    @Test func aGetOfATicketAndACreateNamingNobodyAreOneRoundTripAndACreateWithReporterAndAssigneeTwo() async throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.overrides["application_name"] = "round-trips-\(UUID().uuidString.prefix(8).lowercased())"
        let pool = try TestDatabase.pool(configuration, maximumConnections: 1)
        let cache = AccessCache.shared(for: pool)
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await TokenService(store: PostgresTokenStore(pool: pool))
            .create(for: fixture.supportAgent.id, name: "kierrokset", expiresInDays: 1).secret
        let app = Application(router: testRouter(pool: pool))
        let headers: HTTPFields = [.authorization: "Bearer \(agent)", .contentType: "application/json"]
        let tickets = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        let body = """
            {"subject": "Kirjautuminen ei onnistu", "description": "Ei pääse sisään.", "category": "login_and_access",
             "channel": "phone", "reporter_email": "\(fixture.professional.email)", "assignee": "\(fixture.supportAgent.email)"}
            """
        let residentBody = """
            {"subject": "Kirjautuminen ei onnistu", "description": "Ei pääse sisään.", "category": "login_and_access",
             "channel": "phone", "resident": {"name": "Aino Asukas", "phone": "+358 40 123 4567"}}
            """
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await AccessCacheService(pool: pool).run() }
            try await eventually("the cache's listener listens", within: .seconds(60)) { cache.isListening }
            try await app.test(.router) { client in
                func create(_ sent: String) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: tickets, method: .post, headers: headers, body: ByteBuffer(string: sent)) { $0.status }
                }
                func read() async throws -> HTTPResponse.Status {
                    try await client.execute(uri: "\(tickets)/\(fixture.access.orgA.code)-1", method: .get, headers: headers) { $0.status }
                }
                // Other tests change grants in the same database meanwhile, and each change empties
                // the cache: a measurement counts when nothing emptied it from the warm-up on.
                try await eventually("a create and a read with the cache unchanged", within: .seconds(60)) {
                    let generation = cache.generation
                    #expect(try await create(body) == .created)
                    #expect(try await create(residentBody) == .created)
                    #expect(try await read() == .ok)
                    let created = try await RoundTrips.counting { try await create(body) }
                    let createdForResident = try await RoundTrips.counting { try await create(residentBody) }
                    let got = try await RoundTrips.counting { try await read() }
                    guard cache.generation == generation else { return false }
                    #expect(created.value == .created)
                    #expect(created.transactions == 1)
                    #expect(created.roundTrips == 2, "BEGIN, tenant and people; the ticket, its event and COMMIT")
                    #expect(createdForResident.value == .created)
                    #expect(createdForResident.transactions == 1)
                    #expect(createdForResident.roundTrips == 1, "BEGIN, tenant, the ticket with its contact and event, COMMIT")
                    #expect(got.value == .ok)
                    #expect(got.transactions == 1)
                    #expect(got.roundTrips == 1)
                    return true
                }
            }
            group.cancelAll()
        }
        await pool.close()
    }
}
