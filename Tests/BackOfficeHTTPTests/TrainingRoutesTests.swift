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
struct TrainingRoutesTests: RouteSuite {
    let services: TestServices

    init() throws {
        services = try TestServices()
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
            Call(.post, base, token: adminToken, json: assignment),
            Call(.post, base, token: adminToken, json: assignment),
            Call(.post, base, token: adminToken, json: #"{"course": "ei_ole", "person": "x", "due_date": "31.12.2026"}"#),
            Call(.post, base, token: memberToken, json: assignment),
            Call(.post, base, token: adminB, json: assignment),
        ])
        #expect(made[0].status == .created && made[0].headers[.eTag] == "\"1\"")
        #expect(made[0].json["status"] as? String == "assigned" && made[0].json["course"] as? String == course.code)
        #expect(made[1].status == .conflict && made[1].problemType == "/problems/conflict")
        #expect(made[2].status == .unprocessableContent && made[2].fields == ["due_date"])
        #expect(made[3].status == .forbidden)
        #expect(made[4].status == .notFound)
        let taskID = try #require(made[0].json["id"] as? String)

        let moves = try await send([
            Call(.post, "\(base)/\(taskID)/start", token: memberToken, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(base)/\(taskID)/complete", token: memberToken,
                 json: #"{"evidence_kind": "e_learning", "evidence_reference": "Moodle 7"}"#, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(base)/\(taskID)/complete", token: memberToken, json: #"{"evidence_kind": "todistus", "evidence_reference": ""}"#),
            Call(.post, "\(base)/\(taskID)/complete", token: memberToken,
                 json: #"{"evidence_kind": "e_learning", "evidence_reference": "Moodle 7", "completed_on": "2025-01-31"}"#),
            Call(.post, "\(base)/\(taskID)/start", token: memberToken),
            Call(.post, "\(base)/\(taskID)/waive", token: adminB, json: #"{"reason": "x"}"#),
            Call(.post, "\(base)/\(UUID().uuidString.lowercased())/start", token: adminToken),
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
            Call(.post, "\(base)/bulk", token: adminToken, json: #"{"course": "\#(course.code)", "role": "professional"}"#),
            Call(.post, "\(base)/bulk", token: adminToken, json: #"{"course": "\#(course.code)", "role": "professional"}"#),
            Call(.get, "\(base)?course=\(course.code)", token: adminToken),
            Call(.get, "/api/v1/me/training?course=\(course.code)", token: memberToken),
            Call(.get, "\(base)/progress", token: adminToken),
            Call(.get, "\(base)/progress", token: memberToken),
            Call(.get, "\(base)?overdue=maybe", token: adminToken),
            Call(.get, "/api/v1/training/courses", token: memberToken),
            Call(.post, "/api/v1/training/courses", token: adminToken, json: #"{"code": "\#(code)", "title": "Uusi"}"#),
            Call(.post, "/api/v1/training/courses", token: county,
                 json: #"{"code": "\#(code)", "title": "Tietosuoja", "validity_months": 24}"#),
            Call(.post, "/api/v1/training/courses", token: county, json: #"{"code": "\#(code)", "title": "Taas"}"#),
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
