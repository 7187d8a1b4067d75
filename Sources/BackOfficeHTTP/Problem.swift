import BackOffice
import Foundation
import Hummingbird

/// An RFC 9457 problem document: the one shape of every error the API answers with.
struct Problem: Error, HTTPResponseError, Encodable {
    struct InvalidField: Encodable {
        let field: String
        let reason: String
    }

    let type: String
    let title: String
    let statusCode: Int
    let detail: String
    let errors: [InvalidField]?
    /// The request's id (`X-Request-Id`), which the server's log lines of that request carry too.
    var instance: String?
    /// Seconds to wait before trying again (`Retry-After`), for a passing outage.
    var retryAfter: Int?
    /// The methods the resource serves (`Allow`), for a 405.
    var allow: String?

    var status: HTTPResponse.Status { .init(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, detail, errors, instance
        case statusCode = "status"
    }

    init(
        _ status: HTTPResponse.Status, slug: String, title: String, detail: String, errors: [InvalidField]? = nil,
        allow: String? = nil
    ) {
        type = "/problems/\(slug)"
        self.title = title
        statusCode = status.code
        self.detail = detail
        self.errors = errors
        self.allow = allow
    }

    /// The domain's errors, each to its status.
    init(_ error: BackOfficeError) {
        switch error {
        case .notFound(let what):
            self.init(.notFound, slug: "not-found", title: "Not found", detail: "\(what) not found")
        case .forbidden(let why):
            self.init(.forbidden, slug: "forbidden", title: "Not allowed", detail: why)
        case .invalid(let fields):
            self.init(
                .unprocessableContent, slug: "validation", title: "Invalid fields",
                detail: fields.map(\.description).joined(separator: "; "),
                errors: fields.map { InvalidField(field: $0.field, reason: $0.reason) })
        case .conflict(let why):
            self.init(.conflict, slug: "conflict", title: "Conflict", detail: why)
        case .stale(let why):
            self.init(.preconditionFailed, slug: "stale-version", title: "Stale version", detail: why)
        case .unauthenticated(let why):
            self.init(.unauthorized, slug: "unauthenticated", title: "Not authenticated", detail: why)
        case .unavailable:
            self.init(.serviceUnavailable, slug: "unavailable", title: "Database unavailable",
                      detail: "the database cannot be reached just now; try again in a moment")
            retryAfter = Self.outageRetrySeconds
        case .outcomeUnknown:
            self.init(.serviceUnavailable, slug: "outcome-unknown", title: "Outcome unknown",
                      detail: """
                          the database went away while the change was being saved, so it may or may not have been made; \
                          send the same request again with the same Idempotency-Key to make it exactly once
                          """)
            retryAfter = Self.outageRetrySeconds
        }
    }

    /// What `Retry-After` asks for during an outage: a restart of PostgreSQL takes seconds.
    static let outageRetrySeconds = 2

    /// The document as JSON.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = context.id
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if statusCode == 401 { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try problem.encoded())))
    }
}
