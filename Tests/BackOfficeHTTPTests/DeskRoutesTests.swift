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

@Suite("/api/v1 saved views and merging through the real router")
struct DeskRoutesTests: RouteSuite {
    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    @Test func viewsAreSavedListedRenamedAndDeletedByTheirOwner() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let countyAdmin = try await token(for: fixture.access.countyAdmin)
        let name = "Kriittiset \(UUID().uuidString.prefix(6))"
        let saved = try await send([
            Call(.post, "/api/v1/views", token: agent, json: #"{"name": "\#(name)", "filters": {"priority": "critical", "queue": "mine"}}"#),
            Call(.post, "/api/v1/views", token: countyAdmin, json: #"{"name": "Yhteinen \#(name)", "shared": true}"#),
        ])
        #expect(saved[0].status == .created, "\(saved[0].json)")
        #expect((saved[0].json["filters"] as? [String: Any])?["priority"] as? String == "critical")
        let own = try #require(saved[0].json["id"] as? String)
        let shared = try #require(saved[1].json["id"] as? String)
        let answers = try await send([
            Call(.get, "/api/v1/views", token: agent),
            Call(.patch, "/api/v1/views/\(shared)", token: agent, json: #"{"name": "Minun"}"#),
            Call(.delete, "/api/v1/views/\(shared)", token: agent),
            Call(.patch, "/api/v1/views/\(own)", token: agent, json: #"{"name": "Uusi \#(name)"}"#),
            Call(.delete, "/api/v1/views/\(own)", token: countyAdmin),
            Call(.delete, "/api/v1/views/\(own)", token: agent),
            Call(.get, "/api/v1/views", token: agent),
        ])
        #expect(answers[0].status == .ok)
        #expect(Set(answers[0].items.compactMap { $0["id"] as? String }).isSuperset(of: [own, shared]))
        #expect(answers[1].status == .forbidden && answers[1].contentType == "application/problem+json")
        #expect(answers[2].status == .forbidden)
        #expect(answers[3].status == .ok && answers[3].json["name"] as? String == "Uusi \(name)")
        #expect(answers[4].status == .notFound)   // someone else's own view is not there for them
        #expect(answers[5].status == .noContent)
        let after = answers[6].items.compactMap { $0["id"] as? String }
        #expect(!after.contains(own) && after.contains(shared))
        await pool.close()
    }

    @Test func badViewsAreProblemsNamingTheFields() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let professional = try await token(for: fixture.professional)
        let answers = try await send([
            Call(.post, "/api/v1/views", token: agent, json: #"{"name": "", "filters": {"status": "lost"}}"#),
            Call(.post, "/api/v1/views", token: agent, json: #"{"name": "x", "filters": {"colour": "red"}}"#),
            Call(.post, "/api/v1/views", token: agent, json: #"{"name": "Jaettu", "shared": true}"#),
            Call(.get, "/api/v1/views", token: professional),
            Call(.patch, "/api/v1/views/not-an-id", token: agent, json: #"{"name": "x"}"#),
        ])
        #expect(answers[0].status == .unprocessableContent && answers[0].fields == ["name", "filters.status"])
        #expect(answers[1].status == .unprocessableContent && answers[1].fields == ["filters.colour"])
        #expect(answers[2].status == .forbidden)
        #expect(answers[3].status == .forbidden)
        #expect(answers[4].status == .notFound)
        await pool.close()
    }

    @Test func aDuplicateIsMergedAndRefusalsAreProblems() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let code = fixture.access.orgA.code
        let base = "/api/v1/orgs/\(code)/tickets"
        let ticket = #"{"subject": "Kirjautuminen ei onnistu", "category": "login_and_access", "channel": "phone", "resident": {"name": "Aino", "phone": "0401234567"}}"#
        let made = try await send([
            Call(.post, base, token: agent, json: ticket), Call(.post, base, token: agent, json: ticket),
            Call(.post, "/api/v1/orgs/\(fixture.access.orgB.code)/tickets", token: agent,
                 json: #"{"subject": "Muu", "category": "other", "channel": "web", "reporter_email": "\#(fixture.access.adminB.email)"}"#),
        ])
        let original = try #require(made[0].json["reference"] as? String)
        let duplicate = try #require(made[1].json["reference"] as? String)
        let other = try #require(made[2].json["reference"] as? String)
        let answers = try await send([
            Call(.post, "\(base)/\(duplicate)/merge", token: agent, json: #"{"into": "\#(duplicate)"}"#),
            Call(.post, "\(base)/\(duplicate)/merge", token: agent, json: #"{"into": "\#(other)"}"#),
            Call(.post, "\(base)/\(duplicate)/merge", token: agent, json: #"{"into": "\#(original)"}"#, headers: [.ifMatch: "\"7\""]),
            Call(.post, "\(base)/\(duplicate)/merge", token: agent, json: #"{"into": "\#(original)"}"#, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(base)/\(original)/merge", token: agent, json: #"{"into": "\#(duplicate)"}"#),
            Call(.post, "\(base)/\(duplicate)/status", token: agent, json: #"{"status": "open"}"#),
            Call(.get, "\(base)/\(duplicate)", token: agent),
            Call(.get, "\(base)/\(original)/events", token: agent),
        ])
        #expect(answers[0].status == .unprocessableContent && answers[0].fields == ["into"])
        #expect(answers[1].status == .unprocessableContent && answers[1].fields == ["into"])
        #expect(answers[2].status == .preconditionFailed)
        #expect(answers[3].status == .ok, "\(answers[3].json)")
        #expect((answers[3].json["merged"] as? [String: Any])?["merged_into"] as? String == original)
        #expect((answers[3].json["into"] as? [String: Any])?["reference"] as? String == original)
        #expect(answers[3].headers[.eTag] == "\"2\"")
        #expect(answers[4].status == .conflict)   // into a closed (merged) ticket
        #expect(answers[5].status == .conflict)   // a merged ticket is not reopened
        #expect(answers[6].json["status"] as? String == "closed" && answers[6].json["merged_into"] as? String == original)
        #expect(answers[7].items.compactMap { $0["kind"] as? String } == ["created", "merged_in"])
        await pool.close()
    }
}
