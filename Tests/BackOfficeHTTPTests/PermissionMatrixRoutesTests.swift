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

/// The roles-and-organisations rows of the permission matrix, through HTTP, for a person who
/// holds exactly one role (organisation roles in organisation A).
@Suite("The permission matrix through the API")
struct PermissionMatrixRoutesTests {
    enum Holder: String, CaseIterable, Sendable {
        case countyAdmin = "county_admin", supportAgent = "support_agent", reporter
        case orgAdmin = "org_admin", omaoloContact = "omaolo_contact", professional
    }

    /// Expected statuses, in SPEC.md's words: keep organisations (county_admin), grant county
    /// roles (county_admin), grant organisation roles in their own organisation (org_admin; a
    /// county_admin everywhere), and in another organisation (404 where they have no standing).
    static let expected: [Holder: (createOrganisation: Int, grantCounty: Int, grantInOwn: Int, grantInOther: Int)] = [
        .countyAdmin: (201, 201, 201, 201),
        .supportAgent: (403, 403, 403, 403),
        .reporter: (403, 403, 403, 403),
        .orgAdmin: (403, 403, 201, 404),
        .omaoloContact: (403, 403, 403, 404),
        .professional: (403, 403, 403, 404),
    ]

    @Test(arguments: Holder.allCases)
    func rolesAndOrganisationsRows(_ holder: Holder) async throws {
        let services = try TestServices()
        let fixture = try await AccessFixture.make(app: services.pool)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let person = try await fixture.store.addMember(
            email: "\(holder.rawValue)-\(suffix)@example.fi", fullName: "Roolin Haltija", to: fixture.orgA, by: nil, idempotency: nil,
            audit: { _ in AuditEntry(actorID: nil, action: "member.add", objectType: "person", objectID: suffix,
                              before: nil, after: nil, reason: nil, interface: .system) }).person
        if let role = CountyRole(rawValue: holder.rawValue) {
            try await services.pool.withTransaction { transaction in
                try await transaction.execute(
                    "INSERT INTO county_role_grants (person_id, role, reason) VALUES (\(person.id), \(role.rawValue), 'testi')")
            }
        } else if let role = OrganisationRole(rawValue: holder.rawValue) {
            _ = try await AccessFixture.systemGrant(role, to: person, in: fixture.orgA, store: fixture.store)
        }
        let token = try await services.tokens.create(for: person.id, name: "matriisi", expiresInDays: 1).secret
        let region = try #require(fixture.orgA.regionCode)
        let calls: [(HTTPRequest.Method, String, String)] = [
            (.post, "/api/v1/orgs", #"{"code": "M-\#(suffix.uppercased())", "name": "Uusi", "region": "\#(region)"}"#),
            (.post, "/api/v1/county/roles", #"{"email": "\#(fixture.member.email)", "role": "reporter", "reason": "testi"}"#),
            (.post, "/api/v1/orgs/\(fixture.orgA.code)/roles",
             #"{"email": "\#(fixture.member.email)", "role": "professional", "reason": "testi"}"#),
            (.post, "/api/v1/orgs/\(fixture.orgB.code)/roles",
             #"{"email": "\#(fixture.adminB.email)", "role": "professional", "reason": "testi"}"#),
        ]
        let app = Application(router: testRouter(pool: services.pool))
        let statuses = try await app.test(.router) { client in
            var statuses: [Int] = []
            for (method, path, body) in calls {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                headers[.contentType] = "application/json"
                statuses.append(try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: body)) {
                    $0.status.code
                })
            }
            return statuses
        }
        let want = try #require(Self.expected[holder])
        #expect(statuses == [want.createOrganisation, want.grantCounty, want.grantInOwn, want.grantInOther], "\(holder.rawValue)")
        await services.pool.close()
    }
}
