import BackOffice
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres

/// Requests sent through the real router on `pool`, as the server would receive them, with a
/// body of any media type.
struct RouteClient {
    struct Call {
        var method: HTTPRequest.Method
        var path: String
        var token: String?
        var body: [UInt8]?
        var contentType = "application/json"
        /// More request headers (`If-Match`, `Idempotency-Key`).
        var headers: [HTTPField.Name: String] = [:]

        init(_ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil, headers: [HTTPField.Name: String] = [:]) {
            self.method = method
            self.path = path
            self.token = token
            body = json.map { Array($0.utf8) }
            self.headers = headers
        }

        init(_ method: HTTPRequest.Method, _ path: String, token: String?, csv: [UInt8]) {
            self.init(method, path, token: token)
            body = csv
            contentType = "text/csv"
        }
    }

    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let json: [String: Any]

        var contentType: String? { headers[.contentType] }
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
        var errors: [[String: String]] { json["errors"] as? [[String: String]] ?? [] }
        /// The problem document's `type`.
        var problemType: String? { json["type"] as? String }
        /// The fields a validation problem names.
        var fields: [String] { errors.compactMap { $0["field"] } }
    }

    let pool: ConnectionPool

    func send(_ calls: [Call]) async throws -> [Answer] {
        try await Application(router: testRouter(pool: pool)).test(.router) { client in
            var answers: [Answer] = []
            for call in calls { answers.append(try await Self.send(call, with: client)) }
            return answers
        }
    }

    /// One call through a test client of the router.
    static func send(_ call: Call, with client: some TestClientProtocol) async throws -> Answer {
        var headers = HTTPFields()
        if let token = call.token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = call.contentType
        for (name, value) in call.headers { headers[name] = value }
        return try await client.execute(
            uri: call.path, method: call.method, headers: headers, body: call.body.map { ByteBuffer(bytes: $0) }
        ) { response in
            Answer(
                status: response.status, headers: response.headers,
                json: (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }
}

extension HTTPField.Name {
    /// `Idempotency-Key`, as clients send it with a create.
    static let idempotencyKey = Self("Idempotency-Key")!
}

/// A suite of route tests over services of its own: a token for a person, and calls sent
/// through the real router on the suite's pool.
protocol RouteSuite {
    var services: TestServices { get }
}

extension RouteSuite {
    typealias Call = RouteClient.Call

    var pool: ConnectionPool { services.pool }

    func token(for person: Person) async throws -> String {
        try await services.tokens.create(for: person.id, name: "testi", expiresInDays: 1).secret
    }

    func send(_ calls: [Call]) async throws -> [RouteClient.Answer] {
        try await RouteClient(pool: pool).send(calls)
    }
}
