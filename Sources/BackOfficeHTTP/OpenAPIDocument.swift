import BackOffice
import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route the router registers, with
/// the enums the API answers with taken from the domain. `OpenAPIDocumentTests` compares it with
/// `router.routes` and sends a request to every operation it lists; a route added to the router
/// without an `Operation` here fails that test.
enum OpenAPIDocument {
    static func addRoute<Context: RequestContext>(to router: Router<Context>) {
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// The served text, built once.
    static let text = document.serialized() + "\n"

    /// Every operation, in the order the router adds them.
    static var operations: [Operation] {
        healthOperations + accessOperations + ticketOperations + cannedReplyOperations + deploymentOperations + usageOperations
            + trainingOperations + privacyOperations + mailOperations + deskOperations
    }

    static var document: JSON {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Omaolo back office API",
                "version": "1",
                "description": """
                    The back office of the Omaolo county service: organisations, members, roles, API tokens, support \
                    tickets, deployments and usage imports.
                    JSON field names are snake_case; ids are lowercase UUIDs; timestamps are ISO 8601 with an offset \
                    and without fractional seconds. Lists take `limit` (1 to 200, default 50) and an opaque `cursor` \
                    and answer `{"items": [...], "next_cursor": "…" | null}`. Errors are `application/problem+json` \
                    (RFC 9457). Organisations a caller has no standing in answer 404, as if they did not exist.
                    """,
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "tags": [
                ["name": "health", "description": "Liveness and readiness, without a token"],
                ["name": "meta", "description": "This document"],
                ["name": "me", "description": "The caller and their API tokens"],
                ["name": "organisations", "description": "Organisations, their members and their roles"],
                ["name": "tickets", "description": "Support tickets: queues, search, lifecycle, comments and history"],
                ["name": "canned-replies", "description": "The desk's canned replies (vastausmallit), filled from a ticket"],
                ["name": "deployments", "description": "The Omaolo service catalogue and the organisations' deployments"],
                ["name": "usage", "description": "Monthly usage statistics imported from CSV files"],
                ["name": "training", "description": "The course catalogue and the training tasks of the organisations' people"],
                ["name": "privacy", "description": "Residents' right to know who has read their contact details"],
                ["name": "mail", "description": "The mails the desk sends through the machine's mail system"],
            ],
            "paths": paths(operations),
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http",
                        "scheme": "bearer",
                        "bearerFormat": "bo_…",
                        "description": "An API token from `backoffice token create` or `POST /api/v1/me/tokens`, shown once.",
                    ],
                ],
                "parameters": parameters.merging(ticketParameters).merging(cannedReplyParameters).merging(trainingParameters)
                    .merging(deskParameters),
                "responses": .object(problems.map { JSON.Member(key: $0.name, value: $0.response) }),
                "schemas": closed(
                    schemas.merging(ticketSchemas).merging(cannedReplySchemas).merging(deploymentSchemas).merging(usageSchemas)
                        .merging(trainingSchemas).merging(privacySchemas).merging(mailSchemas).merging(deskSchemas),
                    bodies: Set(operations.filter { $0.bodyMediaType == "application/json" }.compactMap(\.body))),
            ],
        ]
    }

    // MARK: Operations

    /// One method on one path, and every status it answers with.
    struct Operation {
        enum Access { case open, bearer }

        /// A success (or, for readiness, a non-problem) answer.
        struct Answer {
            let status: Int
            let description: String
            /// The schema of the `application/json` body; nil for no body.
            var schema: JSON?
        }

        let method: HTTPRequest.Method
        let path: String
        let id: String
        let tag: String
        let summary: String
        var description: String?
        var parameters: [JSON] = []
        /// The schema name of the required request body.
        var body: String?
        var bodyMediaType = "application/json"
        let answers: [Answer]
        /// Problem statuses besides those every operation of its kind has (401 and 503 with a
        /// bearer token, 400, 413 and 415 with a body).
        var problems: [Int] = []
        var access: Access = .bearer

        var allProblems: [Int] {
            var all = Set(problems)
            if access == .bearer { all.formUnion([401, 503]) }
            if body != nil { all.formUnion([400, 413, 415]) }
            return all.sorted()
        }

        var json: JSON {
            var members: [JSON.Member] = [
                .init(key: "operationId", value: .string(id)),
                .init(key: "tags", value: [.string(tag)]),
                .init(key: "summary", value: .string(summary)),
            ]
            if let description { members.append(.init(key: "description", value: .string(description))) }
            if access == .open { members.append(.init(key: "security", value: [])) }
            if !parameters.isEmpty { members.append(.init(key: "parameters", value: .array(parameters))) }
            if let body {
                members.append(.init(key: "requestBody", value: [
                    "required": true, "content": .object([.init(key: bodyMediaType, value: ["schema": ref(body)])]),
                ]))
            }
            var responses = answers.map { answer in
                var response: JSON = ["description": .string(answer.description)]
                if let schema = answer.schema { response = response.merging(["content": ["application/json": ["schema": schema]]]) }
                return JSON.Member(key: String(answer.status), value: response)
            }
            for status in allProblems {
                guard let problem = OpenAPIDocument.problems.first(where: { $0.status == status }) else { continue }
                responses.append(.init(key: String(status), value: ["$ref": .string("#/components/responses/\(problem.name)")]))
            }
            members.append(.init(key: "responses", value: .object(responses)))
            return .object(members)
        }
    }

    /// Operations grouped by path, in the order they are listed.
    static func paths(_ operations: [Operation]) -> JSON {
        var order: [String] = []
        var byPath: [String: [JSON.Member]] = [:]
        for operation in operations {
            if byPath[operation.path] == nil { order.append(operation.path) }
            let method = operation.method.rawValue.lowercased()
            precondition(byPath[operation.path]?.contains { $0.key == method } != true, "\(method) \(operation.path) listed twice")
            byPath[operation.path, default: []].append(.init(key: method, value: operation.json))
        }
        return .object(order.map { JSON.Member(key: $0, value: .object(byPath[$0] ?? [])) })
    }

    static var healthOperations: [Operation] {
        [
            Operation(
                method: .get, path: "/health/live", id: "live", tag: "health", summary: "The process answers",
                answers: [.init(status: 200, description: "Live", schema: ref("HealthStatus"))], access: .open),
            Operation(
                method: .get, path: "/health/ready", id: "ready", tag: "health",
                summary: "The database is reachable and its schema is current",
                answers: [
                    .init(status: 200, description: "Ready: every check passed", schema: ref("HealthStatus")),
                    .init(status: 503, description: "Not ready: the failing checks say why", schema: ref("HealthStatus")),
                ],
                access: .open),
            Operation(
                method: .get, path: "/openapi.json", id: "openapi", tag: "meta", summary: "This OpenAPI 3.1 document",
                answers: [.init(status: 200, description: "The document", schema: ["type": "object"])], access: .open),
        ]
    }

    // MARK: Shared components

    /// `schemas` with the request bodies among them as the API reads them: closed
    /// (`additionalProperties: false`, an unknown field is refused) and with `null` allowed
    /// for every optional field (it counts as leaving the field out).
    static func closed(_ schemas: JSON, bodies: Set<String>) -> JSON {
        guard case .object(let members) = schemas else { return schemas }
        return .object(members.map { member in
            guard bodies.contains(member.key), case .object(let properties)? = member.value["properties"] else { return member }
            let required = Set(member.value["required"].flatMap { json -> [String]? in
                guard case .array(let names) = json else { return nil }
                return names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            } ?? [])
            let nullable = properties.map { property in
                required.contains(property.key)
                    ? property : JSON.Member(key: property.key, value: ["anyOf": [property.value, ["type": "null"]]])
            }
            return .init(key: member.key, value: member.value.merging(["properties": .object(nullable), "additionalProperties": false]))
        })
    }

    static func ref(_ schema: String) -> JSON { ["$ref": .string("#/components/schemas/\(schema)")] }
    static func parameter(_ name: String) -> JSON { ["$ref": .string("#/components/parameters/\(name)")] }

    static var parameters: JSON {
        [
            "limit": [
                "name": "limit", "in": "query", "required": false, "description": "Items on a page",
                "schema": ["type": "integer", "minimum": 1, "maximum": 200, "default": 50],
            ],
            "cursor": [
                "name": "cursor", "in": "query", "required": false,
                "description": "The `next_cursor` of the previous page: opaque, signed by the server; any other is a 422",
                "schema": ["type": "string", "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$"],
            ],
            "code": [
                "name": "code", "in": "path", "required": true,
                "description": "The organisation's code, e.g. `OULU-TK` (case does not matter)",
                "schema": ["type": "string", "example": "OULU-TK"],
            ],
            "service": [
                "name": "service", "in": "path", "required": true, "description": "An Omaolo service's code",
                "schema": ["type": "string", "example": "symptom_back_pain"],
            ],
            "family": [
                "name": "family", "in": "path", "required": true, "description": "An Omaolo service family",
                "schema": enumeration(OmaoloServiceFamily.self),
            ],
            "grantId": [
                "name": "grantId", "in": "path", "required": true, "description": "The role grant's id",
                "schema": ["type": "string", "format": "uuid"],
            ],
            "tokenId": [
                "name": "id", "in": "path", "required": true, "description": "The token's id",
                "schema": ["type": "string", "format": "uuid"],
            ],
            "all": [
                "name": "all", "in": "query", "required": false,
                "description": "`true` lists revoked and expired grants too; by default only active ones",
                "schema": ["type": "boolean", "default": false],
            ],
        ]
    }

    /// The problem responses, one for each status the API refuses with.
    static let problems: [ProblemResponse] = [
        .init(400, "Malformed", "malformed", "Malformed request body", "The body is not JSON of the expected shape"),
        .init(401, "Unauthenticated", "unauthenticated", "Not authenticated", "No bearer token, or an unknown, expired or revoked one"),
        .init(403, "Forbidden", "forbidden", "Not allowed", "The caller has standing in the organisation, but their roles do not allow this"),
        .init(404, "NotFound", "not-found", "Not found", "No such resource, or one in an organisation the caller has no standing in"),
        .init(409, "Conflict", "conflict", "Conflict", "The change conflicts with the current state"),
        .init(412, "StaleVersion", "stale-version", "Stale version", "If-Match names a version that is no longer the current one"),
        .init(413, "TooLarge", "too-large", "Request body too large", "The body is larger than 1 MiB"),
        .init(415, "UnsupportedMediaType", "unsupported-media-type", "Unsupported media type",
              "The body is not sent as the media type the operation takes"),
        .init(422, "Invalid", "validation", "Invalid fields", "One or more fields are invalid; `errors` names each"),
        .init(428, "PreconditionRequired", "precondition-required", "If-Match required", "The change needs If-Match with the current ETag"),
        .init(503, "Unavailable", "unavailable", "Database unavailable", "The database cannot be reached"),
    ]

    /// A refusal as `application/problem+json`, as `Problem` writes it.
    struct ProblemResponse {
        let status: Int
        let name: String
        let slug: String
        let title: String
        let description: String

        init(_ status: Int, _ name: String, _ slug: String, _ title: String, _ description: String) {
            (self.status, self.name, self.slug, self.title, self.description) = (status, name, slug, title, description)
        }

        var response: JSON {
            let response: JSON = [
                "description": .string(description),
                "content": [
                    "application/problem+json": [
                        "schema": ref("Problem"),
                        "example": [
                            "type": .string("/problems/\(slug)"), "title": .string(title),
                            "status": .integer(status), "detail": .string(description),
                        ],
                    ],
                ],
            ]
            guard status == 401 else { return response }
            return response.merging(["headers": ["WWW-Authenticate": ["description": "`Bearer`", "schema": ["type": "string"]]]])
        }
    }
}

extension [OpenAPIDocument.Operation.Answer] {
    /// A create's answers with an `Idempotency-Key`: 201 with what it made, 200 with what an
    /// earlier request with the same key made.
    static func made(_ description: String, schema: JSON) -> Self {
        [.init(status: 201, description: description, schema: schema),
         .init(status: 200, description: "\(description), made by an earlier request with the same `Idempotency-Key`", schema: schema)]
    }
}
