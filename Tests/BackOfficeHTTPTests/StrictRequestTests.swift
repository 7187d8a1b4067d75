import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import PostgresTestSupport
import Testing

/// Bad input as an integrator or an attacker sends it: every refusal a problem document in
/// plain words, nothing of the database's insides, nothing done.
@Suite("Strict requests through the real router")
struct StrictRequestTests {
    typealias Call = RouteClient.Call
    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    func send(_ calls: [Call]) async throws -> [RouteClient.Answer] {
        try await RouteClient(pool: services.pool).send(calls)
    }

    @Test func bodiesAreJSONObjectsOfKnownFieldsOfTheirTypes() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let agent = try await token(for: fixture.supportAgent)
        let tickets = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        var plain = Call(.post, tickets, token: agent, json: #"{"subject": "S", "category": "other", "channel": "web"}"#)
        plain.contentType = "text/plain"
        var untyped = plain
        untyped.contentType = ""
        let answers = try await send([
            plain, untyped,
            Call(.post, tickets, token: agent, json: #"{"subject": 5, "category": "other", "channel": "web"}"#),
            Call(.post, tickets, token: agent, json: #"{"category": "other", "channel": "web"}"#),
            Call(.post, tickets, token: agent, json: #"{"subject": "S", "category": "other", "channel": "web", "org_id": "x"}"#),
            Call(.post, tickets, token: agent, json: #"[{"subject": "S"}]"#),
            Call(.post, tickets, token: agent, json: "null"),
            Call(.post, tickets, token: agent, json: #"{"subject": "S", "category": "OTHER", "channel": "web", "priority": "LOW"}"#),
            Call(.post, tickets, token: agent, json: #"{"subject": "S", "category": "other", "channel": "web", "resident": {"name": "A", "phone": "0401234567", "age": 3}}"#),
            Call(.post, tickets, token: agent, json: #"{"subject": "S""#),
        ])
        #expect(answers[0].status == .unsupportedMediaType && answers[0].problemType == "/problems/unsupported-media-type")
        #expect(answers[1].status == .unsupportedMediaType)
        #expect(answers[2].status == .unprocessableContent && answers[2].errors == [["field": "subject", "reason": "must be text"]])
        #expect(answers[3].status == .unprocessableContent && answers[3].errors == [["field": "subject", "reason": "is required"]])
        #expect(answers[4].status == .unprocessableContent && answers[4].errors == [["field": "org_id", "reason": "is not a field of this request"]])
        #expect(answers[5].status == .unprocessableContent && answers[5].fields == ["body"])
        #expect(answers[6].status == .unprocessableContent && answers[6].fields == ["body"])
        #expect(answers[7].status == .unprocessableContent && Set(answers[7].fields).isSuperset(of: ["category", "priority"]), "\(answers[7].json)")
        #expect(answers[8].status == .unprocessableContent && answers[8].fields == ["resident.age"])
        #expect(answers[9].status == .badRequest && answers[9].contentType == "application/problem+json")
        for answer in answers { #expect(answer.contentType == "application/problem+json") }
        let logged = try await send([Call(.get, tickets, token: agent)])[0]
        #expect(logged.items.isEmpty, "no refused body made a ticket")
        await services.pool.close()
    }

    @Test func anEmptyDateIsInvalidEverywhere() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let admin = try await token(for: fixture.access.adminA)
        let org = "/api/v1/orgs/\(fixture.access.orgA.code)"
        let answers = try await send([
            Call(.post, "\(org)/roles", token: admin, json: """
                {"email": "\(fixture.contact.email)", "role": "professional", "reason": "r", "valid_until": ""}
                """),
            Call(.post, "\(org)/deployments", token: admin, json: """
                {"service": "own_plan", "planned_start": "", "owner": "\(fixture.contact.email)"}
                """),
        ])
        #expect(answers.map(\.status) == [.unprocessableContent, .unprocessableContent], "\(answers.map(\.json))")
        #expect(answers.map(\.fields) == [["valid_until"], ["planned_start"]])
        await services.pool.close()
    }

    @Test func ifMatchComparesStronglyAndMalformedIsBadRequest() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let agent = try await token(for: fixture.supportAgent)
        let tickets = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        let created = try await send([Call(.post, tickets, token: agent, json: """
            {"subject": "Tunniste", "category": "other", "channel": "web", "resident": {"name": "A", "phone": "0401234567"}}
            """)])[0]
        let ticket = "\(tickets)/\(try #require(created.json["reference"] as? String))"
        let answers = try await send([
            Call(.patch, ticket, token: agent, json: #"{"priority": "low"}"#, headers: [.ifMatch: #"W/"1""#]),
            Call(.patch, ticket, token: agent, json: #"{"priority": "low"}"#, headers: [.ifMatch: #""1"#]),
            Call(.patch, ticket, token: agent, json: #"{"priority": "low"}"#, headers: [.ifMatch: #""abc""#]),
            Call(.patch, ticket, token: agent, json: #"{"priority": "low"}"#, headers: [.ifMatch: #""1""#]),
        ])
        #expect(answers.map(\.status) == [.preconditionFailed, .badRequest, .preconditionFailed, .ok])
        #expect(answers[3].json["priority"] as? String == "low" && answers[3].json["version"] as? Int == 2)
        await services.pool.close()
    }

    @Test func anUnservedMethodIs405WithAllow() async throws {
        let answers = try await send([
            Call(.put, "/api/v1/orgs/X-1/tickets", token: nil),
            Call(.delete, "/api/v1/me", token: nil),
        ])
        #expect(answers.map(\.status) == [.methodNotAllowed, .methodNotAllowed])
        #expect(answers[0].headers[.allow] == "GET, POST")
        #expect(answers[1].headers[.allow] == "GET, PATCH")
        #expect(answers.allSatisfy { $0.contentType == "application/problem+json" })
        await services.pool.close()
    }

    @Test func aRoleHeldInTheWindowIsNotGrantedTwice() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let admin = try await token(for: fixture.access.adminA)
        let roles = "/api/v1/orgs/\(fixture.access.orgA.code)/roles"
        let body = #"{"email": "\#(fixture.contact.email)", "role": "org_admin", "reason": "sijainen"}"#
        let answers = try await send([Call(.post, roles, token: admin, json: body), Call(.post, roles, token: admin, json: body)])
        #expect(answers[0].status == .created)
        let grant = try #require(answers[0].json["id"] as? String)
        #expect(answers[1].status == .conflict)
        #expect((answers[1].json["detail"] as? String)?.contains(grant) == true, "\(answers[1].json)")
        await services.pool.close()
    }

    @Test func anotherOrganisationsPeopleStayInvisibleThroughEMail() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let adminA = try await token(for: fixture.access.adminA)
        let org = "/api/v1/orgs/\(fixture.access.orgA.code)"
        let outsider = fixture.supportAgent  // a person of organisation B
        let unknown = "ei-ketaan-\(UUID().uuidString.prefix(8))@example.fi"
        let long = String(repeating: "a", count: 240) + "@example.fi"
        let answers = try await send([
            Call(.post, "\(org)/roles", token: adminA, json: #"{"email": "\#(outsider.email)", "role": "professional", "reason": "r"}"#),
            Call(.post, "\(org)/roles", token: adminA, json: #"{"email": "\#(unknown)", "role": "professional", "reason": "r"}"#),
            Call(.post, "\(org)/members", token: adminA, json: #"{"email": "\#(outsider.email)", "full_name": "Kirjoitettu Nimi"}"#),
            Call(.post, "\(org)/members", token: adminA, json: #"{"email": "\#(long)", "full_name": "Pitkä Osoite"}"#),
        ])
        #expect(answers[0].status == .notFound && answers[1].status == .notFound)
        let words = answers[0...1].map { ($0.json["detail"] as? String)?.replacingOccurrences(of: outsider.email, with: "E") }
        #expect(words[0] == words[1].map { $0.replacingOccurrences(of: unknown, with: "E") }, "\(words)")
        #expect(answers[2].status == .created)
        #expect(answers[2].json["full_name"] as? String == "Kirjoitettu Nimi", "the stored name is not told")
        #expect(answers[3].status == .created, "\(answers[3].json)")
        await services.pool.close()
    }

    @Test func theDocumentSaysWhatTheTicketRoutesTake() async throws {
        let fixture = try await TicketFixture.make(app: services.pool)
        let agent = try await token(for: fixture.supportAgent)
        let answers = try await send([
            Call(.get, "/openapi.json", token: nil),
            Call(.get, "/api/v1/orgs/\(fixture.access.orgA.code)/tickets?q=", token: agent),
        ])
        let paths = try #require(answers[0].json["paths"] as? [String: [String: Any]])
        let ticket = try #require(paths["/api/v1/orgs/{code}/tickets/{ref}"]?["patch"] as? [String: Any])
        let components = try #require(answers[0].json["components"] as? [String: Any])
        let parameters = (components["parameters"] as? [String: [String: Any]]) ?? [:]
        let ifMatch = (ticket["parameters"] as? [[String: Any]] ?? [])
            .map { ($0["$ref"] as? String).flatMap { parameters[String($0.split(separator: "/").last ?? "")] } ?? $0 }
            .first { $0["name"] as? String == "If-Match" }
        #expect(ifMatch?["required"] as? Bool == true, "PATCH answers 428 without If-Match")
        let status = try #require(paths["/api/v1/orgs/{code}/tickets/{ref}/status"]?["post"] as? [String: Any])
        let body = ((status["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]])?["application/json"]?["schema"]
        #expect((body as? [String: Any])?["$ref"] as? String == "#/components/schemas/TicketStatusChange")
        let schemas = (components["schemas"] as? [String: [String: Any]]) ?? [:]
        #expect(schemas["TicketStatusChange"]?["required"] as? [String] == ["status"])
        #expect(answers[1].status == .ok, "an empty q filters nothing")
        await services.pool.close()
    }
}
