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

@Suite("/api/v1 ticket routes through the real router")
struct TicketRoutesTests: RouteSuite {
    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    static let residentTicket = """
        {"subject": "Kirjautuminen ei onnistu", "description": "Asiakas ei pääse sisään.", "category": "login_and_access",
         "channel": "phone", "priority": "high", "resident": {"name": "Aino Asukas", "email": "aino@example.fi"}}
        """

    @Test func aResidentsTicketIsLoggedWorkedAndFoundByAnotherInflection() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let base = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        let created = try await send([Call(.post, base, token: agent, json: Self.residentTicket)])[0]
        #expect(created.status == .created)
        #expect(created.headers[.eTag] == "\"1\"")
        let reference = try #require(created.json["reference"] as? String)
        #expect(created.headers[.location] == "\(base)/\(reference)")
        #expect(created.json["first_response_due_at"] is String && created.json["resolution_due_at"] is String)
        let ticket = "\(base)/\(reference)"
        let answers = try await send([
            Call(.post, "\(ticket)/status", token: agent, json: #"{"status": "open"}"#, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(ticket)/comments", token: agent, json: #"{"body": "Soitettu asiakkaalle.", "visibility": "public"}"#),
            Call(.patch, ticket, token: agent, json: #"{"priority": "critical"}"#, headers: [.ifMatch: "\"3\""]),
            Call(.get, "\(ticket)/events", token: agent),
            Call(.get, "/api/v1/tickets?q=kirjautumisessa&org=\(fixture.access.orgA.code)", token: agent),
            Call(.get, "\(ticket)/contact?purpose=takaisinsoitto", token: agent),
        ])
        #expect(answers[0].status == .ok && answers[0].json["status"] as? String == "open")
        #expect(answers[1].status == .created)
        #expect(answers[2].status == .ok && answers[2].headers[.eTag] == "\"4\"", "\(answers[2].json)")
        #expect(answers[2].json["first_response_at"] is String)
        let kinds = (answers[3].json["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds == ["created", "status_changed", "commented", "updated"])
        let found = (answers[4].json["items"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String }
        #expect(found == [reference])
        #expect(answers[5].json["name"] as? String == "Aino Asukas")
        await pool.close()
    }

    @Test func refusalsArePreciseProblemsAndChangeNothing() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let admin = try await token(for: fixture.access.adminA)
        let base = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        let created = try await send([Call(.post, base, token: admin, json: Self.residentTicket)])[0]
        let ticket = "\(base)/\(try #require(created.json["reference"] as? String))"
        let answers = try await send([
            Call(.patch, ticket, token: admin, json: #"{"subject": "Uusi"}"#),
            Call(.patch, ticket, token: admin, json: #"{"subject": "Uusi"}"#, headers: [.ifMatch: "\"9\""]),
            Call(.post, "\(ticket)/status", token: admin, json: #"{"status": "closed"}"#),
            Call(.post, base, token: admin, json: #"""
                {"subject": "Asiakas 010203A123X? ei", "description": "Henkilötunnus 131052-308T", "category": "other", "channel": "web",
                 "resident": {"name": "Aino", "phone": "0401234567"}}
                """#),
            Call(.post, base, token: admin, json: #"{"subject": "x", "category": "kaikki", "channel": "web"}"#),
            Call(.patch, ticket, token: admin, json: #"{"subject": 5}"#, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(ticket)/comments", token: admin, json: #"{"body": "a\u0000b"}"#),
            Call(.get, "\(base)?status=valmis&limit=500", token: admin),
        ])
        #expect(answers[0].status == .preconditionRequired && answers[0].problemType == "/problems/precondition-required")
        #expect(answers[1].status == .preconditionFailed && answers[1].problemType == "/problems/stale-version")
        #expect(answers[2].status == .conflict)
        #expect((answers[2].json["detail"] as? String)?.contains("open, waiting or resolved") == true, "\(answers[2].json)")
        #expect(answers[3].status == .unprocessableContent)
        let fields = answers[3].fields
        #expect(fields == ["description"], "\(answers[3].json)")
        #expect(answers[4].status == .unprocessableContent)
        #expect(answers[4].fields.contains("category"))
        #expect(answers[5].status == .unprocessableContent)
        #expect(answers[6].status == .unprocessableContent)
        let listFields = Set(answers[7].fields)
        #expect(listFields == ["status", "limit"])
        for answer in answers { #expect(answer.headers[.contentType] == "application/problem+json") }
        let after = try await send([Call(.get, ticket, token: admin)])[0]
        #expect(after.headers[.eTag] == "\"1\"" && after.json["subject"] as? String == "Kirjautuminen ei onnistu")
        let list = try await send([Call(.get, base, token: admin)])[0]
        #expect((list.json["items"] as? [Any])?.count == 1)
        await pool.close()
    }

    @Test func everyTicketURLOfAnotherOrganisationAnswers404() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let adminA = try await token(for: fixture.access.adminA)
        let adminB = try await token(for: fixture.access.adminB)
        let codeB = fixture.access.orgB.code
        let created = try await send([Call(.post, "/api/v1/orgs/\(codeB)/tickets", token: adminB, json: Self.residentTicket)])[0]
        let reference = try #require(created.json["reference"] as? String)
        let ticketB = "/api/v1/orgs/\(codeB)/tickets/\(reference)"
        let crossed = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets/\(reference)"
        let answers = try await send([
            Call(.get, "/api/v1/orgs/\(codeB)/tickets", token: adminA),
            Call(.post, "/api/v1/orgs/\(codeB)/tickets", token: adminA, json: Self.residentTicket),
            Call(.get, ticketB, token: adminA),
            Call(.patch, ticketB, token: adminA, json: #"{"subject": "x"}"#, headers: [.ifMatch: "\"1\""]),
            Call(.post, "\(ticketB)/status", token: adminA, json: #"{"status": "open"}"#),
            Call(.get, "\(ticketB)/comments", token: adminA),
            Call(.post, "\(ticketB)/comments", token: adminA, json: #"{"body": "x"}"#),
            Call(.get, "\(ticketB)/events", token: adminA),
            Call(.get, "\(ticketB)/contact", token: adminA),
            Call(.get, crossed, token: adminA),
            Call(.post, "\(crossed)/status", token: adminA, json: #"{"status": "open"}"#),
            Call(.get, "\(crossed)/contact", token: adminA),
        ])
        for (index, answer) in answers.enumerated() {
            #expect(answer.status == .notFound, "call \(index): \(answer.status)")
            #expect(answer.problemType == "/problems/not-found", "call \(index)")
        }
        let unchanged = try await send([Call(.get, ticketB, token: adminB)])[0]
        #expect(unchanged.headers[.eTag] == "\"1\"" && unchanged.json["status"] as? String == "new")
        await pool.close()
    }

    @Test func aRetriedCreateWithTheSameKeyGivesTheSameTicket() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let admin = try await token(for: fixture.access.adminA)
        let base = "/api/v1/orgs/\(fixture.access.orgA.code)/tickets"
        let key: [HTTPField.Name: String] = [HTTPField.Name("Idempotency-Key")!: "puhelu-2026-11-24-1"]
        let answers = try await send([
            Call(.post, base, token: admin, json: Self.residentTicket, headers: key),
            Call(.post, base, token: admin, json: Self.residentTicket, headers: key),
            Call(.post, base, token: admin, json: Self.residentTicket.replacingOccurrences(of: "high", with: "low"), headers: key),
        ])
        #expect(answers[0].status == .created && answers[1].status == .ok)
        #expect(answers[0].json["id"] as? String == answers[1].json["id"] as? String)
        #expect(answers[2].status == .conflict && answers[2].problemType == "/problems/conflict")
        await pool.close()
    }
}
