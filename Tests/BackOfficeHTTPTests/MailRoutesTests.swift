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

@Suite("/api/v1/mail/outbox and the language of one's mails, through the real router")
struct MailRoutesTests: RouteSuite {
    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    @Test func theOutboxIsPagedNewestFirstFilteredByStatusAndNeverShowsAnInternalNoteOrAnAddress() async throws {
        let fixture = try await TicketFixture.make(app: pool)
        let code = fixture.access.orgA.code
        guard case .created(let ticket) = try await fixture.service.receive(
            try InboundMail(try MailFixture.bytes("resident-new.eml")), in: code) else { Issue.record("no ticket"); return }
        let agent = try await fixture.principal(fixture.supportAgent)
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Sisäinen: soita takaisin", visibility: "internal", by: agent)
        _ = try await fixture.service.comment(on: ticket.reference, in: code, body: "Hei, kokeilkaa uudelleen.", visibility: "public", by: agent)
        let (agentToken, adminToken) = (try await token(for: fixture.supportAgent), try await token(for: fixture.access.adminA))
        let adminB = try await token(for: fixture.access.adminB)
        let list = "/api/v1/mail/outbox?org=\(code)"

        let answers = try await send([
            Call(.get, list, token: agentToken),
            Call(.get, list + "&limit=1", token: agentToken),
            Call(.get, list + "&status=sent", token: agentToken),
            Call(.get, list + "&status=pending,lost", token: agentToken),
            Call(.get, list, token: adminToken),
            Call(.get, "/api/v1/mail/outbox", token: adminToken),
            Call(.get, list, token: adminB),
            Call(.get, list + "&cursor=forged", token: agentToken),
            Call(.get, list + "&limit=500", token: agentToken),
            Call(.get, list + "&limit=viisi", token: agentToken),
        ])
        #expect(answers[0].status == .ok)
        #expect(answers[0].items.map { $0["kind"] as? String } == ["reply", "received"])
        #expect(answers[0].items.allSatisfy { $0["ticket"] as? String == ticket.reference && $0["status"] as? String == "pending" })
        let text = String(decoding: try JSONSerialization.data(withJSONObject: answers[0].json), as: UTF8.self)
        #expect(!text.contains("soita takaisin") && !text.contains("kokeilkaa") && !text.contains("maija.meikalainen"))
        #expect(answers[1].items.count == 1 && answers[1].items.first?["kind"] as? String == "reply")
        let cursor = try #require(answers[1].json["next_cursor"] as? String)
        #expect(answers[2].status == .ok && answers[2].items.isEmpty)
        #expect(answers[3].status == .unprocessableContent && answers[3].fields == ["status"])
        #expect(answers[4].status == .ok && answers[4].items.count == 2, "an org admin works their own organisation's tickets")
        #expect(answers[5].status == .forbidden, "the county-wide outbox is the county desk's")
        #expect(answers[6].status == .notFound)
        #expect(answers[7].status == .unprocessableContent && answers[7].fields == ["cursor"])
        #expect(answers[8...].allSatisfy { $0.status == .unprocessableContent && $0.fields == ["limit"] })

        let next = try await send([Call(.get, list + "&limit=1&cursor=\(cursor)", token: agentToken)])
        #expect(next[0].items.map { $0["kind"] as? String } == ["received"])
        #expect(next[0].json["next_cursor"] is NSNull)
        await pool.close()
    }

    @Test func theCallerSetsTheLanguageOfTheirMails() async throws {
        let fixture = try await AccessFixture.make(app: pool)
        let memberToken = try await token(for: fixture.member)
        let answers = try await send([
            Call(.get, "/api/v1/me", token: memberToken),
            Call(.patch, "/api/v1/me", token: memberToken, json: #"{"language": "en"}"#),
            Call(.get, "/api/v1/me", token: memberToken),
            Call(.patch, "/api/v1/me", token: memberToken, json: #"{"language": "sv"}"#),
            Call(.patch, "/api/v1/me", token: memberToken, json: #"{}"#),
            Call(.patch, "/api/v1/me", token: nil, json: #"{"language": "fi"}"#),
        ])
        #expect(answers[0].json["language"] as? String == "fi")
        #expect(answers[1].status == .ok && answers[1].json["language"] as? String == "en")
        #expect(answers[2].json["language"] as? String == "en")
        #expect(answers[3].status == .unprocessableContent && answers[3].fields == ["language"])
        #expect(answers[4].status == .unprocessableContent && answers[4].fields == ["language"])
        #expect(answers[5].status == .unauthorized)
        #expect(try await RoleService(store: fixture.store).language(for: try await RoleService(store: fixture.store)
            .principal(email: fixture.member.email, interface: .http)) == .en)
        await pool.close()
    }
}
