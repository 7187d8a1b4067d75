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

/// Every create route takes an `Idempotency-Key`: the first request makes (201), a retry with
/// the same key and body gets what the first made (200, the same id), and the same key with
/// another body is refused (409).
@Suite("Idempotency-Key on every create route")
struct IdempotencyRoutesTests {
    typealias Call = RouteClient.Call

    /// One create route: the request, the same key with another body, and the id field.
    struct Create {
        let name: String
        let first: Call
        let other: Call
        let id: String
    }

    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    func keyed(_ method: HTTPRequest.Method, _ path: String, token: String, json: String, key: String) -> Call {
        Call(method, path, token: token, json: json, headers: [.idempotencyKey: key])
    }

    func keyed(_ path: String, token: String, csv: String, key: String) -> Call {
        var call = Call(.post, path, token: token, csv: Array(csv.utf8))
        call.headers[.idempotencyKey] = key
        return call
    }

    @Test func aRetryGetsWhatTheFirstMadeAndAnotherBodyIsAConflict() async throws {
        let fixture = try await TrainingFixture.make(app: services.pool)
        let course = try await fixture.course()
        let access = fixture.access
        let (admin, county) = (try await token(for: access.adminA), try await token(for: access.countyAdmin))
        let base = "/api/v1/orgs/\(access.orgA.code)"
        let made = try await RouteClient(pool: services.pool).send([Call(.post, "\(base)/tickets", token: admin, json: """
            {"subject": "Kirjautuminen ei onnistu", "category": "login_and_access", "channel": "phone"}
            """)])[0]
        let ticket = try #require(made.json["reference"] as? String)
        let key = "avain-" + UUID().uuidString.prefix(8).lowercased()
        let email = "uusi-\(key)@example.fi"
        let usage = "organisation,service,month,started,completed,forwarded\n\(access.orgA.code),own_plan,2025-03,"
        let creates = [
            Create(name: "member",
                   first: keyed(.post, "\(base)/members", token: admin, json: #"{"email": "\#(email)", "full_name": "Uusi Jäsen"}"#, key: key),
                   other: keyed(.post, "\(base)/members", token: admin, json: #"{"email": "\#(email)", "full_name": "Toinen"}"#, key: key),
                   id: "person_id"),
            Create(name: "grant",
                   first: keyed(.post, "\(base)/roles", token: admin, json: """
                       {"email": "\(access.member.email)", "role": "professional", "reason": "aloittaa"}
                       """, key: key),
                   other: keyed(.post, "\(base)/roles", token: admin, json: """
                       {"email": "\(access.member.email)", "role": "professional", "reason": "toinen syy"}
                       """, key: key),
                   id: "id"),
            Create(name: "county grant",
                   first: keyed(.post, "/api/v1/county/roles", token: county, json: """
                       {"email": "\(access.member.email)", "role": "reporter", "reason": "raportit"}
                       """, key: key),
                   other: keyed(.post, "/api/v1/county/roles", token: county, json: """
                       {"email": "\(access.adminA.email)", "role": "reporter", "reason": "raportit"}
                       """, key: key),
                   id: "id"),
            Create(name: "comment",
                   first: keyed(.post, "\(base)/tickets/\(ticket)/comments", token: admin, json: #"{"body": "Soitettu."}"#, key: key),
                   other: keyed(.post, "\(base)/tickets/\(ticket)/comments", token: admin, json: #"{"body": "Soitettu taas."}"#, key: key),
                   id: "id"),
            Create(name: "training",
                   first: keyed(.post, "\(base)/training", token: admin, json: """
                       {"course": "\(course.code)", "person": "\(fixture.contact.email)"}
                       """, key: key),
                   other: keyed(.post, "\(base)/training", token: admin, json: """
                       {"course": "\(course.code)", "person": "\(fixture.contact.email)", "due_date": "2030-01-01"}
                       """, key: key),
                   id: "id"),
            Create(name: "deployment",
                   first: keyed(.post, "\(base)/deployments", token: admin, json: """
                       {"service": "own_plan", "owner": "\(fixture.contact.email)"}
                       """, key: key),
                   other: keyed(.post, "\(base)/deployments", token: admin, json: """
                       {"service": "own_plan", "owner": "\(fixture.contact.email)", "note": "toinen"}
                       """, key: key),
                   id: "id"),
            Create(name: "usage import",
                   first: keyed("/api/v1/usage/imports?file_name=\(key).csv", token: county, csv: usage + "10,5,1\n", key: key),
                   other: keyed("/api/v1/usage/imports?file_name=\(key).csv", token: county, csv: usage + "11,5,1\n", key: key),
                   id: "id"),
        ]
        for create in creates {
            let answers = try await RouteClient(pool: services.pool).send([create.first, create.first, create.other])
            #expect(answers.map(\.status) == [.created, .ok, .conflict], "\(create.name): \(answers.map(\.status))")
            let ids = answers.prefix(2).map { $0.json[create.id] as? String }
            #expect(ids[0] != nil && ids[0] == ids[1], "\(create.name): \(ids)")
            #expect(answers[2].contentType == "application/problem+json", "\(create.name)")
        }
        let imports = try await TestDatabase.withConnection { connection in
            try await connection.query("SELECT count(*)::int AS n FROM usage_imports WHERE file_name = \(key + ".csv")")
                .single().decode(Int.self, "n")
        }
        #expect(imports == 1)
        let comments = try await RouteClient(pool: services.pool).send([Call(.get, "\(base)/tickets/\(ticket)/comments", token: admin)])
        #expect(comments[0].items.count == 1)
    }

    @Test func aKeyThatIsEmptyOrTooLongIsRefused() async throws {
        let access = try await AccessFixture.make(app: services.pool)
        let admin = try await token(for: access.adminA)
        let path = "/api/v1/orgs/\(access.orgA.code)/members"
        let body = #"{"email": "pitka-\#(UUID().uuidString.prefix(6))@example.fi", "full_name": "Pitkä Avain"}"#
        let answers = try await RouteClient(pool: services.pool).send([
            keyed(.post, path, token: admin, json: body, key: String(repeating: "k", count: 256)),
            keyed(.post, path, token: admin, json: body, key: " "),
        ])
        for answer in answers {
            #expect(answer.status == .unprocessableContent)
            #expect(answer.fields == ["idempotency_key"])
        }
    }
}
