import BackOfficeHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A request line or headers beyond the HTTP parser's limit never reach a route: the server
/// as `backoffice serve` runs it answers them with a problem document all the same.
@Suite("Requests the HTTP parser refuses")
struct OversizedRequestTests {
    @Test func aHundredKilobyteHeaderOrCursorIsAProblemDocument() async throws {
        let services = try TestServices()
        let large = String(repeating: "x", count: 100 * 1024)
        let requests: [(uri: String, headers: HTTPFields)] = [
            ("/api/v1/me", [.authorization: "Bearer bo_\(large)"]),
            ("/api/v1/orgs?cursor=\(large)", [:]),
        ]
        for request in requests {
            // A connection of its own for each: the server closes it after a parser error.
            let app = Application(router: testRouter(pool: services.pool), server: .backOffice)
            try await app.test(.live) { client in
                let answer = try await client.execute(uri: request.uri, method: .get, headers: request.headers)
                #expect(answer.status.code == 431)
                #expect(answer.headers[.contentType] == "application/problem+json")
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any]
                #expect(problem?["type"] as? String == "/problems/request-too-large")
                #expect(problem?["status"] as? Int == 431)
            }
        }
    }
}
