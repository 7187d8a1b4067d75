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

/// List cursors are signed by the server and name their list: a cursor it made pages on, a
/// forged, altered or other list's cursor is a 422 naming `cursor`.
@Suite("Signed list cursors")
struct CursorRoutesTests {
    typealias Call = RouteClient.Call

    let services: TestServices

    init() throws {
        services = try TestServices()
    }

    /// The cursor with the first character of its signature changed.
    func altered(_ cursor: String) -> String {
        guard let dot = cursor.firstIndex(of: "."), cursor.index(after: dot) < cursor.endIndex else { return cursor + "x" }
        let first = cursor.index(after: dot)
        return String(cursor[...dot]) + (cursor[first] == "A" ? "B" : "A") + cursor[cursor.index(after: first)...]
    }

    @Test func aCursorThatTheServerDidNotMakeIsRefused() async throws {
        let access = try await AccessFixture.make(app: services.pool)
        let admin = try await services.tokens.create(for: access.adminA.id, name: "testi", expiresInDays: 1).secret
        let base = "/api/v1/orgs/\(access.orgA.code)"
        let client = RouteClient(pool: services.pool)
        let tickets = try await client.send((1...2).map { number in
            Call(.post, "\(base)/tickets", token: admin, json: """
                {"subject": "Tulostin \(number) ei toimi", "category": "technical_fault", "channel": "phone"}
                """)
        })
        #expect(tickets.allSatisfy { $0.status == .created })
        let firsts = try await client.send([
            Call(.get, "\(base)/members?limit=1", token: admin),
            Call(.get, "\(base)/tickets?limit=1", token: admin),
        ])
        let members = try #require(firsts[0].json["next_cursor"] as? String)
        let queue = try #require(firsts[1].json["next_cursor"] as? String)
        let forged = Data("\(access.orgA.id.uuidString.lowercased())/\(UUID().uuidString.lowercased())".utf8).base64EncodedString()
        let answers = try await client.send([
            Call(.get, "\(base)/members?limit=1&cursor=\(members)", token: admin),
            Call(.get, "\(base)/tickets?limit=1&cursor=\(queue)", token: admin),
            Call(.get, "\(base)/members?cursor=\(altered(members))", token: admin),
            Call(.get, "\(base)/tickets?cursor=\(altered(queue))", token: admin),
            Call(.get, "\(base)/members?cursor=\(forged)", token: admin),
            Call(.get, "\(base)/tickets?cursor=\(forged)", token: admin),
            Call(.get, "\(base)/roles?cursor=\(members)", token: admin),
        ])
        #expect(answers[0].status == .ok && answers[0].items.count == 1)
        #expect((answers[0].items.first?["person_id"] as? String) != (firsts[0].items.first?["person_id"] as? String))
        #expect(answers[1].status == .ok && answers[1].items.count == 1)
        #expect((answers[1].items.first?["reference"] as? String) != (firsts[1].items.first?["reference"] as? String))
        for answer in answers.dropFirst(2) {
            #expect(answer.status == .unprocessableContent)
            #expect(answer.fields == ["cursor"])
        }
    }

    @Test func theSealOpensOnlyWhatItSealed() {
        let seal = HMACCursorSeal(secret: "salaisuus")
        let cursor = seal.seal("/api/v1/orgs\nOULU-TK")
        #expect(seal.open(cursor) == "/api/v1/orgs\nOULU-TK")
        #expect(cursor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        #expect(HMACCursorSeal(secret: "toinen").open(cursor) == nil)
        #expect(seal.open(altered(cursor)) == nil)
        #expect(seal.open("") == nil)
        #expect(seal.open("a.b.c") == nil)
    }
}
