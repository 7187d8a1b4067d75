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

@Suite("/api/v1 canned replies and bulk actions through the real router")
struct CannedReplyRoutesTests: RouteSuite {
    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    static let ticket = #"{"subject": "Kirjautuminen ei onnistu", "category": "login_and_access", "channel": "phone"}"#

    @Test func aReplyIsKeptListedFilledForATicketAndRemoved() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let adminA = try await token(for: fixture.access.adminA)
        let adminB = try await token(for: fixture.access.adminB)
        let code = fixture.access.orgA.code
        let title = "Kuittaus \(UUID().uuidString.prefix(8))"
        let made = try await send([
            Call(.post, "/api/v1/orgs/\(code)/tickets", token: adminA, json: Self.ticket),
            Call(.post, "/api/v1/canned-replies", token: agent, json: """
                {"title": "\(title)", "body_fi": "Hei, {{viite}} on vastaanotettu. {{agentti}}", "body_en": "Hello, {{reference}}."}
                """),
            Call(.post, "/api/v1/canned-replies", token: adminA, json: #"{"org": "\#(code)", "title": "Oma", "body_fi": "Hei {{asiakas}}"}"#),
            Call(.post, "/api/v1/canned-replies", token: adminA, json: #"{"title": "Yhteinen", "body_fi": "Hei"}"#),
            Call(.post, "/api/v1/canned-replies", token: adminA, json: #"{"org": "\#(code)", "title": "Oma", "body_fi": "Hei {{aihe}}"}"#),
        ])
        #expect(made[1].status == .created, "\(made[1].json)")
        #expect(made[2].status == .unprocessableContent && made[2].contentType == "application/problem+json")
        #expect(made[2].fields == ["body_fi"] && made[2].errors.first?["reason"]?.hasPrefix("unknown placeholder {{asiakas}}") == true)
        #expect(made[3].status == .forbidden)
        #expect(made[4].status == .created && made[4].json["organisation"] as? String == code)
        let reference = try #require(made[0].json["reference"] as? String)
        let county = try #require(made[1].json["id"] as? String)
        let own = try #require(made[4].json["id"] as? String)
        #expect(made[1].headers[.location] == "/api/v1/canned-replies/\(county)")
        #expect(made[1].json["county_wide"] as? Bool == true && made[1].json["organisation"] == nil)

        let answers = try await send([
            Call(.post, "/api/v1/canned-replies/\(county)/render", token: agent, json: #"{"ticket": "\#(reference)"}"#),
            Call(.post, "/api/v1/canned-replies/\(county)/render", token: agent, json: #"{"ticket": "\#(reference)", "language": "en"}"#),
            Call(.get, "/api/v1/canned-replies/\(county)", token: agent),
            Call(.get, "/api/v1/canned-replies?org=\(code)", token: adminA),
            Call(.get, "/api/v1/canned-replies/\(own)", token: adminB),
            Call(.put, "/api/v1/canned-replies/\(own)", token: adminA, json: #"{"title": "Oma muutettu", "body_fi": "Hei {{viite}}"}"#),
            Call(.post, "/api/v1/canned-replies/\(county)/render", token: adminA, json: #"{"ticket": "\#(reference)"}"#),
            Call(.delete, "/api/v1/canned-replies/\(county)", token: adminA),
            Call(.delete, "/api/v1/canned-replies/\(county)", token: agent),
            Call(.get, "/api/v1/canned-replies/\(county)", token: agent),
        ])
        #expect(answers[0].status == .ok && answers[0].json["body"] as? String == "Hei, \(reference) on vastaanotettu. Tukihenkilo")
        #expect(answers[1].json["body"] as? String == "Hello, \(reference)." && answers[1].json["language"] as? String == "en")
        #expect(answers[2].json["use_count"] as? Int == 2 && answers[2].json["last_used_at"] is String)
        #expect(answers[3].items.compactMap { $0["id"] as? String } == [own])
        #expect(answers[4].status == .notFound && answers[4].contentType == "application/problem+json")
        #expect(answers[5].status == .ok && answers[5].json["title"] as? String == "Oma muutettu")
        #expect(answers[6].status == .notFound)
        #expect(answers[7].status == .notFound)
        #expect(answers[8].status == .noContent)
        #expect(answers[9].status == .notFound)
        await pool.close()
    }

    @Test func aBulkActionAnswersWhatBecameOfEachTicket() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let agent = try await token(for: fixture.supportAgent)
        let adminA = try await token(for: fixture.access.adminA)
        let adminB = try await token(for: fixture.access.adminB)
        let made = try await send([
            Call(.post, "/api/v1/orgs/\(fixture.access.orgA.code)/tickets", token: adminA, json: Self.ticket),
            Call(.post, "/api/v1/orgs/\(fixture.access.orgA.code)/tickets", token: adminA, json: Self.ticket),
            Call(.post, "/api/v1/orgs/\(fixture.access.orgB.code)/tickets", token: adminB, json: Self.ticket),
        ])
        let references = made.compactMap { $0.json["reference"] as? String }
        let answers = try await send([
            Call(.post, "/api/v1/tickets/bulk", token: adminA, json: """
                {"tickets": [{"reference": "\(references[0])", "version": 1}, {"reference": "\(references[1])", "version": 7},
                             {"reference": "\(references[2])"}],
                 "action": "priority", "value": "critical", "reason": "Häiriö koskee kaikkia"}
                """),
            Call(.post, "/api/v1/tickets/bulk", token: agent, json: """
                {"tickets": [{"reference": "\(references[1])"}], "action": "status", "value": "closed", "reason": "x"}
                """),
            Call(.post, "/api/v1/tickets/bulk", token: agent, json: """
                {"tickets": [\((1...201).map { #"{"reference": "X-\#($0)"}"# }.joined(separator: ","))], "action": "note", "value": "x", "reason": "x"}
                """),
            Call(.post, "/api/v1/tickets/bulk", token: agent, json: #"{"tickets": [{"reference": "X-1"}], "action": "note", "value": "x"}"#),
        ])
        #expect(answers[0].status == .ok)
        #expect(answers[0].json["changed"] as? Int == 1 && answers[0].json["refused"] as? Int == 2)
        let results = answers[0].json["results"] as? [[String: Any]] ?? []
        #expect(results.compactMap { $0["outcome"] as? String } == ["changed", "refused", "refused"])
        #expect(results[0]["version"] as? Int == 2)
        #expect(results.compactMap { $0["refusal"] as? String } == ["stale", "not_found"])
        let refusal = (answers[1].json["results"] as? [[String: Any]])?.first?["reason"] as? String
        #expect(refusal == "\(references[1]): a new ticket may move to open, waiting or resolved, not closed")
        #expect(answers[2].status == .unprocessableContent && answers[2].fields == ["tickets"])
        #expect(answers[2].errors.first?["reason"] == "at most 200 tickets per action, 201 were ticked; narrow the queue and act in parts")
        #expect(answers[3].status == .unprocessableContent && answers[3].fields == ["reason"])
        await pool.close()
    }
}
