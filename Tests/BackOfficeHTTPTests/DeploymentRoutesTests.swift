import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Hummingbird
import Postgres
import PostgresTestSupport
import Testing

@Suite("/api/v1 deployment routes through the real router")
struct DeploymentRoutesTests {
    let services: TestServices
    var client: RouteClient { RouteClient(pool: services.pool) }

    init() throws {
        services = try TestServices()
    }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    @Test func anOrgAdminPlansAndMovesADeployment() async throws {
        let ready = try await ReadinessFixture.make(app: services.pool, deploy: false)
        try await ready.train(ready.training.contact, app: services.pool)
        let fixture = ready.training.access
        let admin = try await token(for: fixture.adminA)
        let base = "/api/v1/orgs/\(fixture.orgA.code)/deployments"
        let own = ready.serviceCode
        let answers = try await client.send([
            .init(.get, "/api/v1/services?limit=200", token: admin),
            .init(.post, base, token: admin, json: """
                {"service": "\(own)", "planned_start": "2025-05-01", "owner": "\(ready.training.contact.email)"}
                """),
            .init(.post, "\(base)/\(own)/status", token: admin, json: #"{"status": "piloting", "version": 1}"#),
            .init(.post, "\(base)/\(own)/status", token: admin, json: #"{"status": "live", "version": 2, "note": "Pilotti onnistui"}"#),
            .init(.post, "\(base)/\(own)/status", token: admin, json: #"{"status": "paused", "version": 2}"#),
            .init(.post, "\(base)/\(own)/status", token: admin, json: #"{"status": "planned", "version": 3}"#),
            .init(.get, "\(base)/\(own)", token: admin),
            .init(.get, "\(base)/\(own)/events", token: admin),
            .init(.get, base, token: admin),
            .init(.get, "\(base)/symptom_knee", token: admin),
        ])
        #expect(answers[0].status == .ok)
        #expect(answers[0].items.count >= 30)
        #expect(answers[1].status == .created)
        #expect(answers[1].json["status"] as? String == "planned")
        #expect(answers[1].json["next"] as? [String] == ["piloting", "retired"])
        #expect(answers[1].json["planned_start"] as? String == "2025-05-01")
        #expect(answers[2].status == .ok)
        #expect(answers[3].status == .ok)
        #expect(answers[3].json["live_since"] as? String == LocalDate(inFinland: Date()).description)
        #expect(answers[4].status == .conflict)
        #expect(answers[4].json["type"] as? String == "/problems/conflict")
        #expect(answers[5].status == .conflict)
        #expect((answers[5].json["detail"] as? String)?.hasSuffix("allowed: paused, retired") == true)
        #expect(answers[6].json["version"] as? Int == 3)
        #expect(answers[7].items.map { $0["to_status"] as? String } == ["planned", "piloting", "live"])
        #expect(answers[7].items.last?["note"] as? String == "Pilotti onnistui")
        #expect(answers[7].items.allSatisfy { $0["actor"] as? String == fixture.adminA.email && $0["interface"] as? String == "http" })
        #expect(answers[8].items.map { $0["service"] as? String } == [own])
        #expect(answers[9].status == .notFound)
        let readiness = answers[6].json["readiness"] as? [String: Any]
        #expect(readiness?["people"] as? Int == 1 && readiness?["meets_threshold"] as? Bool == true)
        #expect(answers[6].json["status_label"] as? String == "live")
        await services.pool.close()
    }

    @Test func aMoveBelowTheThresholdIsA409WithTheNumbersAndOnlyACountyAdminOverrides() async throws {
        let ready = try await ReadinessFixture.make(app: services.pool)
        let pool = services.pool
        let newcomer = try await ready.person("uusi")
        try await ready.train(ready.training.contact, app: pool)
        try await ready.task(.completed, of: ready.courses[1], for: newcomer, app: pool)
        _ = try await ready.deployments.changeStatus(
            of: ready.serviceCode, to: "piloting", note: nil, expectedVersion: 1, in: ready.organisation.code,
            by: try await ready.principal(ready.training.access.adminA))
        let admin = try await token(for: ready.training.access.adminA)
        let county = try await token(for: ready.training.access.countyAdmin)
        let status = "/api/v1/orgs/\(ready.organisation.code)/deployments/\(ready.serviceCode)/status"
        let reason = "Pilotti sujui, loput koulutetaan kuun aikana"
        let answers = try await client.send([
            .init(.post, status, token: admin, json: #"{"status": "live", "version": 2}"#),
            .init(.post, status, token: admin, json: #"{"status": "live", "version": 2, "override_reason": "\#(reason)"}"#),
            .init(.put, "/api/v1/services/\(ready.serviceCode)/readiness", token: admin, json: #"{"threshold": 50}"#),
            .init(.post, status, token: county, json: #"{"status": "live", "version": 2, "override_reason": "\#(reason)"}"#),
            .init(.get, "/api/v1/deployments/at-risk?limit=200", token: admin),
            .init(.get, "\(status.dropLast("/status".count))/events", token: admin),
            .init(.put, "/api/v1/services/\(ready.serviceCode)/readiness", token: county, json: #"{"threshold": 50}"#),
            .init(.put, "/api/v1/service-families/no_such_family/readiness", token: county, json: #"{"threshold": 50}"#),
        ])
        #expect(answers[0].status == .conflict)
        #expect(answers[0].json["detail"] as? String == """
            \(ready.serviceCode) in \(ready.organisation.code) cannot go live: 50.0 % of its 2 professionals and Omaolo contacts (1) \
            hold every required course, the threshold is 80 %; lacking: \(ready.courses[0].code) (1 person)
            """)
        #expect(answers[1].status == .forbidden && answers[2].status == .forbidden)
        #expect(answers[3].status == .ok)
        #expect(answers[3].json["status_label"] as? String == "live (override)" && answers[3].json["override_reason"] as? String == reason)
        #expect(answers[4].items.map { $0["service"] as? String } == [ready.serviceCode])
        let courses = (answers[4].items.first?["readiness"] as? [String: Any])?["courses"] as? [[String: Any]]
        #expect(courses?.first { $0["course"] as? String == ready.courses[0].code }?["open_tasks"] as? String
            == "/api/v1/orgs/\(ready.organisation.code)/training?course=\(ready.courses[0].code)&status=assigned,in_progress")
        #expect(answers[5].items.last?["override_reason"] as? String == reason)
        #expect(answers[6].status == .ok && answers[6].json["readiness_threshold"] as? Int == 50)
        #expect(answers[6].json["required_courses"] as? [String] == ready.courses.map(\.code).sorted())
        #expect(answers[7].status == .notFound)
        await services.pool.close()
    }

    @Test func anotherOrganisationIs404AndAProfessionalIs403() async throws {
        let fixture = try await AccessFixture.make(app: services.pool)
        _ = try await AccessFixture.systemGrant(.professional, to: fixture.member, in: fixture.orgA, store: fixture.store)
        let admin = try await token(for: fixture.adminA)
        let professional = try await token(for: fixture.member)
        let other = "/api/v1/orgs/\(fixture.orgB.code)/deployments"
        let own = "/api/v1/orgs/\(fixture.orgA.code)/deployments"
        let answers = try await client.send([
            .init(.get, other, token: admin),
            .init(.post, other, token: admin, json: #"{"service": "own_plan", "owner": "\#(fixture.adminB.email)"}"#),
            .init(.get, "\(other)/own_plan/events", token: admin),
            .init(.post, own, token: professional, json: #"{"service": "own_plan", "owner": "\#(fixture.member.email)"}"#),
            .init(.post, own, token: admin, json: #"{"service": "own_plan", "owner": "ei-osoite", "planned_start": "huomenna"}"#),
            .init(.post, own, token: admin, json: #"{"service": "own_plan"}"#),
            .init(.get, own, token: professional),
        ])
        #expect(answers[0...2].allSatisfy { $0.status == .notFound && $0.contentType == "application/problem+json" })
        #expect(answers[3].status == .forbidden)
        #expect(answers[4].status == .unprocessableContent)
        #expect(Set(answers[4].errors.compactMap { $0["field"] }) == ["owner", "planned_start"])
        #expect(answers[5].status == .unprocessableContent && answers[5].fields == ["owner"])
        #expect(answers[6].status == .ok)
        await services.pool.close()
    }
}
