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
        let fixture = try await AccessFixture.make(app: services.pool)
        let admin = try await token(for: fixture.adminA)
        let base = "/api/v1/orgs/\(fixture.orgA.code)/deployments"
        let answers = try await client.send([
            .init(.get, "/api/v1/services?limit=200", token: admin),
            .init(.post, base, token: admin, json: """
                {"service": "symptom_urinary_tract_infection", "planned_start": "2025-05-01", "owner": "\(fixture.member.email)"}
                """),
            .init(.post, "\(base)/symptom_urinary_tract_infection/status", token: admin, json: #"{"status": "piloting", "version": 1}"#),
            .init(.post, "\(base)/symptom_urinary_tract_infection/status", token: admin,
                  json: #"{"status": "live", "version": 2, "note": "Pilotti onnistui"}"#),
            .init(.post, "\(base)/symptom_urinary_tract_infection/status", token: admin, json: #"{"status": "paused", "version": 2}"#),
            .init(.post, "\(base)/symptom_urinary_tract_infection/status", token: admin, json: #"{"status": "planned", "version": 3}"#),
            .init(.get, "\(base)/symptom_urinary_tract_infection", token: admin),
            .init(.get, "\(base)/symptom_urinary_tract_infection/events", token: admin),
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
        #expect(answers[8].items.map { $0["service"] as? String } == ["symptom_urinary_tract_infection"])
        #expect(answers[9].status == .notFound)
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
