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

/// `/openapi.json` against the router that serves it: the same routes, each answering as
/// documented, bodies in the documented shapes, and every `$ref` resolving.
@Suite("/openapi.json describes the real router")
struct OpenAPIDocumentTests {
    let services: TestServices
    var pool: ConnectionPool { services.pool }
    var roles: RoleService { services.roles }
    var tokens: TokenService { services.tokens }

    init() throws {
        services = try TestServices()
    }

    var router: Router<BackOfficeRequestContext> {
        testRouter(pool: pool)
    }

    struct Call {
        var method: HTTPRequest.Method
        var path: String
        var token: String?
        var body: String?
    }

    struct Answer {
        let call: Call
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: Data
        var mediaType: String? { headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } }
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: body) }
    }

    /// Sends the calls through the router, as the server would receive them.
    func send(_ calls: [Call]) async throws -> [Answer] {
        try await Application(router: router).test(.router) { client in
            var answers: [Answer] = []
            for call in calls {
                var headers = HTTPFields()
                if let token = call.token { headers[.authorization] = "Bearer \(token)" }
                if call.body != nil { headers[.contentType] = call.path.contains("/usage/imports") ? "text/csv" : "application/json" }
                answers.append(try await client.execute(
                    uri: call.path, method: call.method, headers: headers, body: call.body.map { ByteBuffer(string: $0) }
                ) { Answer(call: call, status: $0.status, headers: $0.headers, body: Data(buffer: $0.body)) })
            }
            return answers
        }
    }

    func servedDocument() async throws -> (answer: Answer, document: JSONValue) {
        let answer = try await send([Call(method: .get, path: "/openapi.json")])[0]
        return (answer, try JSONDecoder().decode(JSONValue.self, from: answer.body))
    }

    // MARK: The document and the router list the same routes

    @Test func everyRouteOfTheRouterIsDocumentedAndNoOtherRoute() async throws {
        let (_, document) = try await servedDocument()
        let routed = Set(router.routes.map { "\($0.method.rawValue) \(Self.normalised($0.path.description))" })
        let documented = Set(Self.operations(of: document).map { "\($0.method.rawValue) \(Self.normalised($0.path))" })
        #expect(routed.contains("GET /api/v1/orgs/{code}/roles"), "router paths print parameters as {name}: \(routed.sorted())")
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from /openapi.json")
        #expect(documented.subtracting(routed).sorted() == [], "documented routes the router lacks")
        await pool.close()
    }

    static func normalised(_ path: String) -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    // MARK: Every documented route answers as documented

    @Test func everyOperationAnswersWithoutATokenAsDocumented() async throws {
        let (_, document) = try await servedDocument()
        let operations = Self.operations(of: document)
        let answers = try await send(operations.map { operation in
            Call(method: operation.method, path: Self.url(operation, in: document),
                 body: operation.json["requestBody"] == nil ? nil : "{}")
        })
        for (operation, answer) in zip(operations, answers) {
            let name = "\(operation.method.rawValue) \(operation.path)"
            #expect(answer.status != .methodNotAllowed, "\(name)")
            #expect(!(answer.status == .notFound && answer.json?["detail"]?.string == "no such resource"), "\(name) is not routed")
            if Self.needsToken(operation, in: document) {
                #expect(answer.status == .unauthorized, "\(name) without a token")
                #expect(answer.mediaType == "application/problem+json", "\(name)")
                #expect(answer.headers[.wwwAuthenticate] == "Bearer", "\(name)")
            } else {
                #expect(answer.status != .unauthorized && answer.status != .notFound, "\(name) needs no token")
            }
            for problem in Self.violations(of: answer, for: operation, in: document) { Issue.record("\(name): \(problem)") }
        }
        await pool.close()
    }

    @Test func successAnswersHaveTheDocumentedShape() async throws {
        let (_, document) = try await servedDocument()
        let fixture = try await AccessFixture.make(app: pool)
        let admin = try await tokens.create(for: fixture.adminA.id, name: "openapi", expiresInDays: 1).secret
        let county = try await tokens.create(for: fixture.countyAdmin.id, name: "openapi", expiresInDays: 1).secret
        let operations = Self.operations(of: document)
        let code = fixture.orgA.code
        var made = try await send([
            Call(method: .post, path: "/api/v1/me/tokens", token: admin, body: #"{"name": "toinen", "expires_in_days": 30}"#),
            Call(method: .post, path: "/api/v1/orgs/\(code)/members", token: admin,
                 body: #"{"email": "uusi-\#(UUID().uuidString.prefix(8))@example.fi", "full_name": "Uusi Jäsen"}"#),
            Call(method: .post, path: "/api/v1/orgs/\(code)/roles", token: admin, body: """
                {"email": "\(fixture.member.email)", "role": "professional", "reason": "testi",
                 "valid_until": "\(ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400)))"}
                """),
            Call(method: .post, path: "/api/v1/orgs/\(code)/tickets", token: admin, body: """
                {"subject": "Kirjautuminen ei onnistu", "category": "login_and_access", "channel": "phone",
                 "resident": {"name": "Aino Asukas", "phone": "+358 40 123 4567"}}
                """),
            Call(method: .post, path: "/api/v1/orgs/\(code)/deployments", token: admin,
                 body: #"{"service": "symptom_back_pain", "owner": "\#(fixture.member.email)", "planned_start": "2025-01-01"}"#),
            Call(method: .post, path: "/api/v1/usage/imports?file_name=testi.csv", token: county,
                 body: "organisation,service,month,started,completed,forwarded\n\(code),symptom_back_pain,2025-01,3,2,1\n"),
            Call(method: .post, path: "/api/v1/training/courses", token: county,
                 body: #"{"code": "openapi_\#(UUID().uuidString.prefix(8).lowercased())", "title": "Perehdytys", "validity_months": 24}"#),
            Call(method: .post, path: "/api/v1/canned-replies", token: admin,
                 body: #"{"org": "\#(code)", "title": "Kuittaus", "body_fi": "Hei, {{viite}} on vastaanotettu.", "body_en": null}"#),
        ])
        let course = try #require(made[6].json?["code"]?.string)
        made += try await send([
            Call(method: .post, path: "/api/v1/orgs/\(code)/training", token: admin,
                 body: #"{"course": "\#(course)", "person": "\#(fixture.member.email)"}"#),
        ])
        let tokenID = try #require(made[0].json?["id"]?.string)
        let grantID = try #require(made[2].json?["id"]?.string)
        let reference = try #require(made[3].json?["reference"]?.string)
        let replyID = try #require(made[7].json?["id"]?.string)
        let values = ["code": code, "id": tokenID, "grantId": grantID, "ref": reference, "service": "symptom_back_pain", "replyId": replyID]
        let reads = operations.filter { $0.method == .get }.map { operation in
            // County, usage, county-queue, privacy and outbox routes are the county admin's; the rest the org admin's.
            let query = operation.path == "/api/v1/privacy/access-report" ? "?phone=%2B358401234567" : ""
            return Call(method: .get, path: Self.url(operation, in: document, values: values) + query,
                        token: ["/api/v1/county", "/api/v1/usage", "/api/v1/tickets", "/api/v1/privacy", "/api/v1/mail"].contains { operation.path.hasPrefix($0) }
                            ? county : admin)
        }
        let changes = [
            Call(method: .post, path: "/api/v1/orgs/\(code)/tickets/\(reference)/comments", token: admin,
                 body: #"{"body": "Selvitämme asiaa.", "visibility": "public"}"#),
            Call(method: .post, path: "/api/v1/orgs/\(code)/tickets/\(reference)/status", token: admin, body: #"{"status": "waiting"}"#),
            Call(method: .delete, path: "/api/v1/orgs/\(code)/roles/\(grantID)", token: admin, body: #"{"reason": "testi"}"#),
            Call(method: .delete, path: "/api/v1/me/tokens/\(tokenID)", token: admin),
            Call(method: .patch, path: "/api/v1/me", token: admin, body: #"{"language": "fi"}"#),
            // A county admin, past the training gate if it holds: the organisation has no Omaolo contact.
            Call(method: .post, path: "/api/v1/orgs/\(code)/deployments/symptom_back_pain/status", token: county,
                 body: #"{"status": "piloting", "version": 1, "note": "testi", "override_reason": "Pilotti ennen koulutusta, testi"}"#),
            Call(method: .get, path: "/api/v1/orgs/\(code)/roles?all=true&limit=200", token: admin),
            Call(method: .post, path: "/api/v1/canned-replies/\(replyID)/render", token: admin, body: #"{"ticket": "\#(reference)"}"#),
            Call(method: .put, path: "/api/v1/canned-replies/\(replyID)", token: admin,
                 body: #"{"title": "Kuittaus", "body_fi": "Hei, {{viite}} on vastaanotettu.", "body_en": "Hello, {{reference}}."}"#),
            Call(method: .post, path: "/api/v1/tickets/bulk", token: admin,
                 body: #"{"tickets": [{"reference": "\#(reference)", "version": null}], "action": "note", "value": "Selvitetään.", "reason": "testi"}"#),
            Call(method: .post, path: "/api/v1/views", token: admin,
                 body: #"{"name": "openapi \#(UUID().uuidString.prefix(8))", "filters": {"status": "new", "text": "kirjautuminen"}}"#),
        ]
        let answers = made + (try await send(reads + changes + reads))
        for answer in answers {
            let name = "\(answer.call.method.rawValue) \(answer.call.path)"
            // The most literal matching path, as the router prefers it.
            let operation = operations.filter { Self.matches($0, answer.call) }.min { $0.path.count(where: { $0 == "{" }) < $1.path.count(where: { $0 == "{" }) }
            guard let operation else {
                Issue.record("\(name) is not documented")
                continue
            }
            if answer.call.path.hasPrefix("/api/") { #expect(answer.status.code < 300, "\(name): \(answer.status)") }
            for problem in Self.violations(of: answer, for: operation, in: document) { Issue.record("\(name): \(problem)") }
        }
        await pool.close()
    }

    // MARK: The document itself

    @Test func theDocumentIsOpenAPI31AndEveryReferenceResolves() async throws {
        let (answer, document) = try await servedDocument()
        #expect(answer.status == .ok)
        #expect(answer.mediaType == "application/json")
        #expect(document["openapi"]?.string == "3.1.0")
        #expect(document["info"]?["title"]?.string != nil && document["info"]?["version"]?.string != nil)
        let references = Self.references(in: document)
        #expect(!references.isEmpty)
        for reference in references {
            #expect(reference.hasPrefix("#/components/") && Self.resolve(reference, in: document) != nil, "\(reference) does not resolve")
        }
        for (section, components) in document["components"]?.object ?? [:] where section != "securitySchemes" {
            for name in (components.object ?? [:]).keys where !references.contains("#/components/\(section)/\(name)") {
                Issue.record("#/components/\(section)/\(name) is never used")
            }
        }
        let schemes = Set((document["components"]?["securitySchemes"]?.object ?? [:]).keys)
        var ids: Set<String> = []
        for operation in Self.operations(of: document) {
            let name = "\(operation.method.rawValue) \(operation.path)"
            let id = try #require(operation.json["operationId"]?.string, "\(name) has no operationId")
            #expect(ids.insert(id).inserted, "operationId \(id) is used twice")
            let requirements = (operation.json["security"] ?? document["security"])?.array ?? []
            #expect(requirements.allSatisfy { Set(($0.object ?? [:]).keys).isSubset(of: schemes) }, "\(name)")
            let templated = Set(operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            let declared = Set(Self.parameters(of: operation, in: document).filter { $0["in"]?.string == "path" }.compactMap { $0["name"]?.string })
            #expect(templated == declared, "\(name): path parameters \(templated.sorted()) declared as \(declared.sorted())")
            let statuses = Set((operation.json["responses"]?.object ?? [:]).keys)
            if Self.needsToken(operation, in: document) { #expect(statuses.isSuperset(of: ["401", "503"]), "\(name)") }
            if operation.json["requestBody"] != nil { #expect(statuses.isSuperset(of: ["400", "413", "422"]), "\(name)") }
        }
        await pool.close()
    }

    // MARK: Reading the document

    struct Operation {
        let method: HTTPRequest.Method
        let path: String
        let json: JSONValue
    }

    static func operations(of document: JSONValue) -> [Operation] {
        let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        return (document["paths"]?.object ?? [:]).sorted { $0.key < $1.key }.flatMap { path, item in
            methods.compactMap { method in
                item[method].map { Operation(method: HTTPRequest.Method(rawValue: method.uppercased())!, path: path, json: $0) }
            }
        }
    }

    static func matches(_ operation: Operation, _ call: Call) -> Bool {
        let path = call.path.split(separator: "?")[0].split(separator: "/")
        let template = operation.path.split(separator: "/")
        return operation.method == call.method && path.count == template.count
            && zip(path, template).allSatisfy { $1.hasPrefix("{") || $0 == $1 }
    }

    static func needsToken(_ operation: Operation, in document: JSONValue) -> Bool {
        !((operation.json["security"] ?? document["security"])?.array ?? []).isEmpty
    }

    static func parameters(of operation: Operation, in document: JSONValue) -> [JSONValue] {
        (operation.json["parameters"]?.array ?? []).map { dereferenced($0, in: document) }
    }

    /// The operation's path with its parameters filled in: from `values`, else a made-up value.
    static func url(_ operation: Operation, in document: JSONValue, values: [String: String] = [:]) -> String {
        let parameters = parameters(of: operation, in: document)
        return "/" + operation.path.split(separator: "/").map { part -> String in
            guard part.hasPrefix("{") else { return String(part) }
            let name = String(part.dropFirst().dropLast())
            if let value = values[name] { return value }
            let schema = parameters.first { $0["name"]?.string == name }?["schema"]
            return schema?["format"]?.string == "uuid" ? UUID().uuidString.lowercased() : schema?["example"]?.string ?? "X"
        }.joined(separator: "/")
    }

    static func references(in value: JSONValue) -> Set<String> {
        switch value {
        case .object(let members):
            var found = members["$ref"]?.string.map { Set([$0]) } ?? []
            for member in members.values { found.formUnion(references(in: member)) }
            return found
        case .array(let items): return items.reduce(into: []) { $0.formUnion(references(in: $1)) }
        default: return []
        }
    }

    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        return reference.dropFirst(2).split(separator: "/").reduce(Optional(document)) { value, token in
            value?[token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
    }

    static func dereferenced(_ value: JSONValue, in document: JSONValue) -> JSONValue {
        guard let reference = value["$ref"]?.string, let target = resolve(reference, in: document) else { return value }
        return dereferenced(target, in: document)
    }

    // MARK: Checking an answer against the document

    /// What is wrong with `answer` for `operation`: an undocumented status or media type, or a
    /// body not of the documented schema.
    static func violations(of answer: Answer, for operation: Operation, in document: JSONValue) -> [String] {
        guard let documented = operation.json["responses"]?[String(answer.status.code)] else {
            return ["status \(answer.status.code) is not documented"]
        }
        let response = dereferenced(documented, in: document)
        guard let content = response["content"]?.object else {
            return answer.body.isEmpty ? [] : ["a body where none is documented"]
        }
        guard let mediaType = answer.mediaType, let schema = content[mediaType]?["schema"] else {
            return ["media type \(answer.mediaType ?? "none") is not documented for \(answer.status.code)"]
        }
        guard let body = answer.json else { return ["the body is not JSON"] }
        return violations(of: body, against: schema, at: "body", in: document)
    }

    /// Where `value` strays from `schema`; strict about objects: every property must be documented.
    static func violations(of value: JSONValue, against schema: JSONValue, at path: String, in document: JSONValue) -> [String] {
        let schema = dereferenced(schema, in: document)
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            guard allowed.contains(where: value.isOfType) else { return ["\(path): \(value) is not \(allowed.joined(separator: " or "))"] }
        }
        if let choices = schema["enum"]?.array, !choices.contains(value) { return ["\(path): \(value) is not one of \(choices)"] }
        var problems: [String] = []
        if case .string(let text) = value {
            switch schema["format"]?.string {
            case "uuid"? where UUID(uuidString: text) == nil || text != text.lowercased():
                problems.append("\(path): \(text) is not a lowercase UUID")
            case "date-time"? where ISO8601DateFormatter().date(from: text) == nil:
                problems.append("\(path): \(text) is not an ISO 8601 timestamp")
            case "email"? where !text.contains("@"):
                problems.append("\(path): \(text) is not an e-mail address")
            default: break
            }
        }
        if case .object(let members) = value {
            let properties = schema["properties"]?.object ?? [:]
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                problems.append("\(path).\(name) is missing")
            }
            for (name, member) in members {
                guard let property = properties[name] else {
                    if schema["properties"] != nil && schema["additionalProperties"] == nil {
                        problems.append("\(path).\(name) is not documented")
                    }
                    continue
                }
                problems += violations(of: member, against: property, at: "\(path).\(name)", in: document)
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                problems += violations(of: item, against: itemSchema, at: "\(path)[\(index)]", in: document)
            }
        }
        return problems
    }
}

/// Any JSON value, read strictly: a number is never a boolean.
indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let items = try? container.decode([JSONValue].self) { self = .array(items) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? { object?[key] }
    var object: [String: JSONValue]? { if case .object(let members) = self { members } else { nil } }
    var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    var string: String? { if case .string(let text) = self { text } else { nil } }

    func isOfType(_ type: String) -> Bool {
        switch (type, self) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): "\(number)"
        case .string(let text): "\"\(text)\""
        case .array(let items): "[\(items.map(\.description).joined(separator: ", "))]"
        case .object(let members): "{\(members.keys.sorted().joined(separator: ", "))}"
        }
    }
}
