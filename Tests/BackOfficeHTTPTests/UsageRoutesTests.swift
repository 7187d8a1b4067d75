import BackOffice
import BackOfficeHTTP
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Hummingbird
import Postgres
import PostgresTestSupport
import Testing

@Suite("/api/v1/usage/imports through the real router")
struct UsageRoutesTests {
    let services: TestServices
    var client: RouteClient { RouteClient(pool: services.pool) }

    init() throws {
        services = try TestServices()
    }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    func csv(_ lines: [String]) -> [UInt8] {
        Array((["organisation,service,month,started,completed,forwarded"] + lines).joined(separator: "\n").utf8)
    }

    @Test func aCountyAdminImportsAGoodFileAndABadOneIs422NamingEveryBadLine() async throws {
        let fixture = try await AccessFixture.make(app: services.pool)
        let county = try await token(for: fixture.countyAdmin)
        let admin = try await token(for: fixture.adminA)
        let code = fixture.orgA.code
        let name = "kaytto-\(UUID().uuidString.prefix(8).lowercased()).csv"
        let answers = try await client.send([
            .init(.post, "/api/v1/usage/imports?file_name=\(name)", token: county,
                  csv: csv(["\(code),symptom_back_pain,2025-03,10,9,1", "\(code),health_check,2025-03,4,4,0"])),
            .init(.post, "/api/v1/usage/imports", token: county,
                  csv: csv(["\(code),symptom_back_pain,2025-03,11,9,1", "\(code),health_check,maaliskuu,4,4,0", "\(code),own_plan,2025-03,1,1"])),
            .init(.post, "/api/v1/usage/imports", token: admin, csv: csv(["\(code),symptom_back_pain,2025-03,99,9,1"])),
            .init(.get, "/api/v1/usage/imports?limit=200", token: admin),
            .init(.post, "/api/v1/usage/imports", token: county, csv: Array(repeating: UInt8(ascii: "a"), count: 1024 * 1024 + 1)),
        ])
        #expect(answers[0].status == .created)
        #expect(answers[0].json["file_name"] as? String == name)
        #expect(answers[0].json["row_count"] as? Int == 2)
        #expect(answers[0].json["months"] as? [String] == ["2025-03"])
        #expect((answers[0].json["sha256"] as? String)?.count == 64)
        #expect(answers[1].status == .unprocessableContent)
        #expect(answers[1].contentType == "application/problem+json")
        #expect(answers[1].errors.map { $0["field"] } == ["line 3, month", "line 4, columns"])
        #expect(answers[2].status == .forbidden)
        #expect(answers[3].status == .forbidden)
        #expect(answers[4].status == .contentTooLarge)

        let listed = try await client.send([.init(.get, "/api/v1/usage/imports?limit=200", token: county)])[0]
        #expect(listed.status == .ok)
        let ours = listed.items.filter { $0["file_name"] as? String == name }
        #expect(ours.count == 1 && ours.first?["imported_by"] as? String == fixture.countyAdmin.email)
        let stored = try await services.pool.withTenant(fixture.orgA.id) { transaction in
            try await transaction.query("SELECT sum(started) AS started FROM usage_monthly WHERE org_id = \(fixture.orgA.id)")
                .single().decode(Int.self, "started")
        }
        #expect(stored == 14)
        await services.pool.close()
    }
}
