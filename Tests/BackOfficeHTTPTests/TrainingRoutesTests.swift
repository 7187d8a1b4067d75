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

@Suite("/api/v1 training routes through the real router")
struct TrainingRoutesTests {
    let services: TestServices
    var pool: ConnectionPool { services.pool }

    init() throws {
        services = try TestServices()
    }

    struct Call {
        var method: HTTPRequest.Method
        var path: String
        var token: String
        var body: String?
        var headers: [HTTPField.Name: String] = [:]
    }

    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let json: [String: Any]
        var problemType: String? { json["type"] as? String }
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
        var fields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    func send(_ calls: [Call]) async throws -> [Answer] {
        try await Application(router: testRouter(pool: pool)).test(.router) { client in
            var answers: [Answer] = []
            for call in calls {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(call.token)"
                headers[.contentType] = "application/json"
                for (name, value) in call.headers { headers[name] = value }
                answers.append(try await client.execute(
                    uri: call.path, method: call.method, headers: headers, body: call.body.map { ByteBuffer(string: $0) }
                ) { response in
                    Answer(status: response.status, headers: response.headers,
                           json: (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
                })
            }
            return answers
        }
    }

    @Test func aTaskIsAssignedStartedAndCompletedWithTheStatusCodesOfTheHouse() async throws {
        let fixture = try await TrainingFixture.make(app: pool)
        let course = try await fixture.course(validityMonths: 24)
        let admin = try await fixture.principal(fixture.access.adminA)
        _ = try await fixture.roles.grant(.professional, to: fixture.access.member.email, in: fixture.access.orgA.code, reason: "aloittaa", by: admin)
        let (adminToken, memberToken) = (try await token(for: fixture.access.adminA), try await token(for: fixture.access.member))
        let adminB = try await token(for: fixture.access.adminB)
        let base = "/api/v1/orgs/\(fixture.access.orgA.code)/training"
        let assignment = #"{"course": "\#(course.code)", "person": "\#(fixture.access.member.email)"}"#

        let made = try await send([
            Call(method: .post, path: base, token: adminToken, body: assignment),
            Call(method: .post, path: base, token: adminToken, body: assignment),
            Call(method: .post, path: base, token: adminToken, body: #"{"course": "ei_ole", "person": "x", "due_date": "31.12.2026"}"#),
            Call(method: .post, path: base, token: memberToken, body: assignment),
            Call(method: .post, path: base, token: adminB, body: assignment),
        ])
        #expect(made[0].status == .created && made[0].headers[.eTag] == "\"1\"")
        #expect(made[0].json["status"] as? String == "assigned" && made[0].json["course"] as? String == course.code)
        #expect(made[1].status == .conflict && made[1].problemType == "/problems/conflict")
        #expect(made[2].status == .unprocessableContent && made[2].fields == ["due_date"])
        #expect(made[3].status == .forbidden)
        #expect(made[4].status == .notFound)
        let taskID = try #require(made[0].json["id"] as? String)

        let moves = try await send([
            Call(method: .post, path: "\(base)/\(taskID)/start", token: memberToken, headers: [.ifMatch: "\"1\""]),
            Call(method: .post, path: "\(base)/\(taskID)/complete", token: memberToken,
                 body: #"{"evidence_kind": "e_learning", "evidence_reference": "Moodle 7"}"#, headers: [.ifMatch: "\"1\""]),
            Call(method: .post, path: "\(base)/\(taskID)/complete", token: memberToken, body: #"{"evidence_kind": "todistus", "evidence_reference": ""}"#),
            Call(method: .post, path: "\(base)/\(taskID)/complete", token: memberToken,
                 body: #"{"evidence_kind": "e_learning", "evidence_reference": "Moodle 7", "completed_on": "2025-01-31"}"#),
            Call(method: .post, path: "\(base)/\(taskID)/start", token: memberToken),
            Call(method: .post, path: "\(base)/\(taskID)/waive", token: adminB, body: #"{"reason": "x"}"#),
            Call(method: .post, path: "\(base)/\(UUID().uuidString.lowercased())/start", token: adminToken),
        ])
        #expect(moves[0].status == .ok && moves[0].json["status"] as? String == "in_progress" && moves[0].headers[.eTag] == "\"2\"")
        #expect(moves[1].status == .preconditionFailed && moves[1].problemType == "/problems/stale-version")
        #expect(moves[2].status == .unprocessableContent && moves[2].fields == ["evidence_kind", "evidence_reference"])
        #expect(moves[3].status == .ok && moves[3].json["expires_on"] as? String == "2027-01-31")
        #expect(moves[4].status == .conflict && (moves[4].json["detail"] as? String)?.contains("final") == true)
        #expect(moves[5].status == .notFound)
        #expect(moves[6].status == .notFound)
        await pool.close()
    }

    @Test func listsProgressBulkAssignmentAndTheCatalogue() async throws {
        let fixture = try await TrainingFixture.make(app: pool)
        let course = try await fixture.course()
        let admin = try await fixture.principal(fixture.access.adminA)
        _ = try await fixture.roles.grant(.professional, to: fixture.access.member.email, in: fixture.access.orgA.code, reason: "aloittaa", by: admin)
        let (adminToken, memberToken) = (try await token(for: fixture.access.adminA), try await token(for: fixture.access.member))
        let county = try await token(for: fixture.access.countyAdmin)
        let base = "/api/v1/orgs/\(fixture.access.orgA.code)/training"
        let code = "kurssi_\(UUID().uuidString.prefix(6).lowercased())"

        let answers = try await send([
            Call(method: .post, path: "\(base)/bulk", token: adminToken, body: #"{"course": "\#(course.code)", "role": "professional"}"#),
            Call(method: .post, path: "\(base)/bulk", token: adminToken, body: #"{"course": "\#(course.code)", "role": "professional"}"#),
            Call(method: .get, path: "\(base)?course=\(course.code)", token: adminToken),
            Call(method: .get, path: "/api/v1/me/training?course=\(course.code)", token: memberToken),
            Call(method: .get, path: "\(base)/progress", token: adminToken),
            Call(method: .get, path: "\(base)/progress", token: memberToken),
            Call(method: .get, path: "\(base)?overdue=maybe", token: adminToken),
            Call(method: .get, path: "/api/v1/training/courses", token: memberToken),
            Call(method: .post, path: "/api/v1/training/courses", token: adminToken, body: #"{"code": "\#(code)", "title": "Uusi"}"#),
            Call(method: .post, path: "/api/v1/training/courses", token: county,
                 body: #"{"code": "\#(code)", "title": "Tietosuoja", "validity_months": 24}"#),
            Call(method: .post, path: "/api/v1/training/courses", token: county, body: #"{"code": "\#(code)", "title": "Taas"}"#),
        ])
        #expect(answers[0].status == .ok && answers[0].items.map { $0["person_email"] as? String } == [fixture.access.member.email])
        #expect(answers[1].status == .ok && answers[1].items.isEmpty)
        #expect(answers[2].status == .ok && answers[2].items.count == 1 && answers[2].json.keys.contains("next_cursor"))
        #expect(answers[3].status == .ok && answers[3].items.count == 1)
        let row = answers[4].items.first { $0["course"] as? String == course.code }
        #expect(answers[4].status == .ok && row?["role"] as? String == "professional" && row?["assigned"] as? Int == 1)
        #expect(answers[5].status == .forbidden)
        #expect(answers[6].status == .unprocessableContent && answers[6].fields == ["overdue"])
        #expect(answers[7].status == .ok && answers[7].items.contains { $0["code"] as? String == course.code })
        #expect(answers[8].status == .forbidden)
        #expect(answers[9].status == .created && answers[9].json["validity_months"] as? Int == 24)
        #expect(answers[10].status == .conflict)
        await pool.close()
    }
}
