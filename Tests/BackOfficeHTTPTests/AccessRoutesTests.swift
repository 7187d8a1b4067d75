import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTestSupport
import Testing

@Suite("/api/v1 access routes through the real router")
struct AccessRoutesTests {
    let services: TestServices
    var pool: ConnectionPool { services.pool }
    var roles: RoleService { services.roles }
    var tokens: TokenService { services.tokens }

    init() throws {
        services = try TestServices()
    }

    struct Answer {
        let status: HTTPResponse.Status
        let contentType: String?
        let json: [String: Any]
    }

    func token(for person: Person) async throws -> String {
        try await tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    /// Sends requests through the router, as the server would receive them.
    func send(_ requests: [(method: HTTPRequest.Method, path: String, token: String?, body: String?)]) async throws -> [Answer] {
        let app = Application(router: testRouter(pool: pool))
        return try await app.test(.router) { client in
            var answers: [Answer] = []
            for request in requests {
                var headers = HTTPFields()
                if let token = request.token { headers[.authorization] = "Bearer \(token)" }
                headers[.contentType] = "application/json"
                let answer = try await client.execute(
                    uri: request.path, method: request.method, headers: headers,
                    body: request.body.map { ByteBuffer(string: $0) }) { response in
                    Answer(
                        status: response.status, contentType: response.headers[.contentType],
                        json: (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
                }
                answers.append(answer)
            }
            return answers
        }
    }

    func roleCount(_ organisation: Organisation) async throws -> Int {
        try await pool.withTenant(organisation.id) { transaction in
            try await transaction.query("SELECT count(*) AS n FROM org_role_grants WHERE org_id = \(organisation.id)")
                .single().decode(Int.self, "n")
        }
    }

    @Test func anOrgAdminGrantsAndRevokesWithCurl() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let admin = try await token(for: fixture.adminA)
        let granted = try await send([(
            .post, "/api/v1/orgs/\(fixture.orgA.code)/roles", admin,
            #"{"email": "\#(fixture.member.email)", "role": "professional", "reason": "Aloittaa vastaanotolla"}"#)])[0]
        #expect(granted.status == .created)
        let grantID = try #require(granted.json["id"] as? String)
        #expect(grantID == grantID.lowercased())
        let answers = try await send([
            (.get, "/api/v1/orgs/\(fixture.orgA.code)/roles", admin, nil),
            (.delete, "/api/v1/orgs/\(fixture.orgA.code)/roles/\(grantID)", admin, #"{"reason": "Siirtyi muualle"}"#),
            (.get, "/api/v1/me", admin, nil),
        ])
        #expect(answers[0].status == .ok)
        #expect(((answers[0].json["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == grantID })
        #expect(answers[0].json.keys.contains("next_cursor"))
        #expect(answers[1].status == .ok)
        #expect(answers[1].json["revoke_reason"] as? String == "Siirtyi muualle")
        #expect(answers[2].json["email"] as? String == fixture.adminA.email)
        await pool.close()
    }

    @Test func everyURLOfAnotherOrganisationIs404AndChangesNothing() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let admin = try await token(for: fixture.adminA)
        let before = try await roleCount(fixture.orgB)
        let code = fixture.orgB.code
        let answers = try await send([
            (.get, "/api/v1/orgs/\(code)", admin, nil),
            (.get, "/api/v1/orgs/\(code)/members", admin, nil),
            (.post, "/api/v1/orgs/\(code)/members", admin, #"{"email": "x@pohde.example", "full_name": "X"}"#),
            (.get, "/api/v1/orgs/\(code)/roles", admin, nil),
            (.post, "/api/v1/orgs/\(code)/roles", admin, #"{"email": "\#(fixture.adminB.email)", "role": "professional", "reason": "x"}"#),
            (.delete, "/api/v1/orgs/\(code)/roles/\(UUID().uuidString.lowercased())", admin, #"{"reason": "x"}"#),
            (.get, "/api/v1/orgs/EI-OLE-TALLAISTA", admin, nil),
            (.get, "/api/v1/orgs/\(code)%00", admin, nil),
        ])
        for answer in answers {
            #expect(answer.status == .notFound)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["type"] as? String == "/problems/not-found")
        }
        // A's URL with B's grant id changes nothing either.
        let crossed = try await send([(
            .delete, "/api/v1/orgs/\(fixture.orgA.code)/roles/\(fixture.adminGrantA.id.uuidString.lowercased())", try await token(for: fixture.adminB),
            #"{"reason": "x"}"#)])[0]
        #expect(crossed.status == .notFound)
        #expect(try await roleCount(fixture.orgB) == before)
        await pool.close()
    }

    @Test func badInputGetsAPreciseProblemAndChangesNothing() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let admin = try await token(for: fixture.adminA)
        let before = try await roleCount(fixture.orgA)
        let path = "/api/v1/orgs/\(fixture.orgA.code)/roles"
        let answers = try await send([
            (.post, path, admin, #"{"email": "\#(fixture.member.email)", "role": "professional"}"#),
            (.post, path, admin, #"{"email": "\#(fixture.member.email)", "role": "chief", "reason": "x"}"#),
            (.post, path, admin, #"{"email": 5}"#),
            (.post, path, admin, "{not json"),
            (.post, "/api/v1/orgs/\(fixture.orgA.code)/members", admin, #"{"email": "ei-sahkoposti", "full_name": "A\u0000B"}"#),
            (.post, "/api/v1/orgs/\(fixture.orgA.code)/members", admin,
             #"{"email": "pitka@example.fi", "full_name": "\#(String(repeating: "ä", count: 201))"}"#),
            (.post, path, admin, String(repeating: "a", count: 10 * 1024 * 1024)),
            (.get, "/api/v1/me", nil, nil),
            (.get, "/api/v1/me", "bo_" + String(repeating: "x", count: 43), nil),
        ])
        #expect(answers[0].status == .unprocessableContent)
        #expect((answers[0].json["errors"] as? [[String: String]])?.first?["field"] == "reason")
        #expect(answers[1].status == .unprocessableContent)
        #expect(answers[2].status == .unprocessableContent)
        #expect((answers[2].json["errors"] as? [[String: String]])?.first == ["field": "email", "reason": "must be text"])
        #expect(answers[3].status == .badRequest)
        #expect(answers[4].status == .unprocessableContent)
        #expect(Set(((answers[4].json["errors"] as? [[String: String]]) ?? []).compactMap { $0["field"] }) == ["email", "full_name"])
        #expect(answers[5].status == .unprocessableContent)
        #expect((answers[5].json["errors"] as? [[String: String]])?.first?["reason"] == "must be at most 200 characters")
        #expect(answers[6].status == .contentTooLarge)
        #expect(answers[7].status == .unauthorized)
        #expect(answers[8].status == .unauthorized)
        #expect(answers.allSatisfy { $0.contentType == "application/problem+json" })
        #expect(try await roleCount(fixture.orgA) == before)
        await pool.close()
    }

    @Test func aRevokedOrExpiredTokenIs401() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let made = try await tokens.create(for: fixture.adminA.id, name: "lyhyt", expiresInDays: 1)
        let principal = try await roles.principal(email: fixture.adminA.email, interface: .http)
        #expect(try await send([(.get, "/api/v1/me", made.secret, nil)])[0].status == .ok)
        try await tokens.revoke(made.token.id, of: principal)
        #expect(try await send([(.get, "/api/v1/me", made.secret, nil)])[0].status == .unauthorized)
        let audited = try await pool.withCountyScope { transaction in
            try await transaction.query("""
                SELECT action FROM audit_log WHERE object_type = 'api_token' AND object_id = \(made.token.id.uuidString.lowercased())
                ORDER BY at
                """).map { try $0.decode(String.self, "action") }
        }
        #expect(audited == ["token.create", "token.revoke"])
        let expiring = try await tokens.create(for: fixture.adminA.id, name: "vanhenee", expiresInDays: 1)
        let later = TokenService(store: PostgresTokenStore(pool: pool), clock: { Date().addingTimeInterval(2 * 86_400) })
        await #expect(throws: BackOfficeError.unauthenticated("the token is unknown, expired or revoked")) {
            try await later.principal(bearer: expiring.secret, interface: .http)
        }
        await pool.close()
    }

    @Test func aProfessionalIsRefusedWith403InTheirOwnOrganisation() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        _ = try await AccessFixture.systemGrant(.professional, to: fixture.member, in: fixture.orgA, store: fixture.store)
        let professional = try await token(for: fixture.member)
        let answers = try await send([
            (.get, "/api/v1/orgs/\(fixture.orgA.code)/members", professional, nil),
            (.post, "/api/v1/orgs/\(fixture.orgA.code)/roles", professional,
             #"{"email": "\#(fixture.adminA.email)", "role": "professional", "reason": "x"}"#),
            (.get, "/api/v1/orgs/\(fixture.orgA.code)", professional, nil),
        ])
        #expect(answers[0].status == .forbidden)
        #expect(answers[1].status == .forbidden)
        #expect(answers[2].status == .ok)
        await pool.close()
    }

    @Test func anUnreachableDatabaseIs503() async throws {
        let down = ConnectionPool(.init(
            connection: ConnectionConfiguration("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"), maximumConnections: 1))
        let app = Application(router: testRouter(pool: down))
        let (status, type) = try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer bo_" + String(repeating: "x", count: 43)]
            ) { response in (response.status, response.headers[.contentType]) }
        }
        #expect(status == .serviceUnavailable)
        #expect(type == "application/problem+json")
        await down.close()
        await pool.close()
    }

    @Test func countyAdminsCreateAndChangeOrganisationsAndOthersCannot() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let county = try await token(for: fixture.countyAdmin)
        let admin = try await token(for: fixture.adminA)
        let code = "UUSI-\(UUID().uuidString.prefix(6))"
        let region = try #require(fixture.orgA.regionCode)
        let answers = try await send([
            (.post, "/api/v1/orgs", county,
             #"{"code": "\#(code)", "name": "Uusi terveysasema", "region": "\#(region)", "population_served": 5100}"#),
            (.patch, "/api/v1/orgs/\(code)", county, #"{"name": "Uuden kunnan terveysasema", "reason": "nimi muuttui"}"#),
            (.post, "/api/v1/orgs", admin, #"{"code": "EI-SAA", "name": "x", "region": "\#(region)"}"#),
            (.patch, "/api/v1/orgs/\(fixture.orgA.code)", admin, #"{"name": "Kaapattu"}"#),
            (.patch, "/api/v1/orgs/\(fixture.orgB.code)", admin, #"{"name": "Kaapattu"}"#),
            (.post, "/api/v1/orgs", county, #"{"code": "\#(code)", "name": "Toinen", "region": "\#(region)"}"#),
        ])
        #expect(answers[0].status == .created)
        #expect(answers[0].json["population_served"] as? Int == 5100)
        #expect(answers[1].status == .ok)
        #expect(answers[1].json["name"] as? String == "Uuden kunnan terveysasema")
        #expect(answers[2].status == .forbidden)
        #expect(answers[3].status == .forbidden)
        #expect(answers[4].status == .notFound)
        #expect(answers[5].status == .conflict)
        #expect(try await roles.organisation(fixture.orgA.code, for: try await roles.principal(email: fixture.adminA.email, interface: .http)).name
                == fixture.orgA.name)
        await pool.close()
    }

    @Test func aBodyThatIsNotUTF8IsRefused() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let admin = try await token(for: fixture.adminA)
        let app = Application(router: testRouter(pool: pool))
        let path = "/api/v1/orgs/\(fixture.orgA.code)/members"
        let status = try await app.test(.router) { client in
            try await client.execute(
                uri: path, method: .post,
                headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"],
                body: ByteBuffer(bytes: Array(#"{"email": "a@example.fi", "full_name": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
            ) { $0.status }
        }
        #expect(status == .badRequest)
        let principal = try await roles.principal(email: fixture.adminA.email, interface: .http)
        #expect(try await roles.members(of: fixture.orgA.code, for: principal).allSatisfy { $0.person.email != "a@example.fi" })
        await pool.close()
    }
}
