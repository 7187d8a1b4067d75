import BackOffice
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/orgs/{code}/tickets…` and the county-wide `/api/v1/tickets`: logging, reading
/// and working tickets. A ticket's `ETag` is its version; `PATCH` needs it in `If-Match`.
struct TicketController {
    typealias Context = BackOfficeRequestContext
    let tickets: TicketService
    /// Signs the cursors of the lists.
    let cursors: any CursorSeal

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("tickets", use: countyQueue)
        group.post("tickets/bulk", use: bulk)
        group.get("orgs/{code}/tickets", use: list)
        group.post("orgs/{code}/tickets", use: create)
        group.get("orgs/{code}/tickets/{ref}", use: show)
        group.patch("orgs/{code}/tickets/{ref}", use: update)
        group.post("orgs/{code}/tickets/{ref}/status", use: changeStatus)
        group.get("orgs/{code}/tickets/{ref}/comments", use: comments)
        group.post("orgs/{code}/tickets/{ref}/comments", use: comment)
        group.get("orgs/{code}/tickets/{ref}/events", use: events)
        group.get("orgs/{code}/tickets/{ref}/contact", use: contact)
    }

    @Sendable func countyQueue(_ request: Request, context: Context) async throws -> TicketBodies.TicketPageBody {
        TicketBodies.TicketPageBody(try await tickets.tickets(try Self.query(request), in: nil, for: try context.requirePrincipal()))
    }

    /// One action on many tickets of any organisations the caller works; 200 with what became of each.
    @Sendable func bulk(_ request: Request, context: Context) async throws -> TicketBulkBodies.BulkAnswer {
        let body = try await request.decodeJSON(as: TicketBulkBodies.BulkBody.self, context: context)
        return TicketBulkBodies.BulkAnswer(try await tickets.bulk(body.request, by: try context.requirePrincipal()))
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> TicketBodies.TicketPageBody {
        let query = try Self.query(request)
        if query.organisation != nil { throw BackOfficeError.invalid("org", "is given by the path here") }
        return TicketBodies.TicketPageBody(
            try await tickets.tickets(query, in: try context.parameters.require("code"), for: try context.requirePrincipal()))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TicketBodies.NewTicketBody.self, context: context)
        let (ticket, created) = try await tickets.create(
            body.ticket, in: try context.parameters.require("code"), idempotencyKey: request.idempotencyKey,
            by: try context.requirePrincipal())
        var response = try TicketBodies.TicketBody(ticket).response(from: request, context: context)
        response.status = .made(created)
        response.headers[.location] = "/api/v1/orgs/\(ticket.organisationCode)/tickets/\(ticket.reference)"
        response.headers[.eTag] = Self.eTag(ticket)
        return response
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let ticket = try await tickets.ticket(try context.parameters.require("ref"), in: try context.parameters.require("code"),
                                              for: try context.requirePrincipal())
        return try Self.tagged(ticket, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        guard let version = try request.ifMatchVersion() else {
            throw Problem(.preconditionRequired, slug: "precondition-required", title: "If-Match required",
                          detail: "send the ticket's ETag in If-Match, so that no one else's change is overwritten")
        }
        let body = try await request.decodeJSON(as: TicketBodies.TicketChangesBody.self, context: context)
        let ticket = try await tickets.update(
            try context.parameters.require("ref"), in: try context.parameters.require("code"), with: body.changes,
            expectedVersion: version, by: try context.requirePrincipal())
        return try Self.tagged(ticket, request: request, context: context)
    }

    @Sendable func changeStatus(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: TicketBodies.StatusBody.self, context: context)
        let ticket = try await tickets.changeStatus(
            try context.parameters.require("ref"), in: try context.parameters.require("code"), to: body.status,
            expectedVersion: try request.ifMatchVersion(), by: try context.requirePrincipal())
        return try Self.tagged(ticket, request: request, context: context)
    }

    @Sendable func comments(_ request: Request, context: Context) async throws -> AccessBodies.Page<TicketBodies.CommentBody> {
        let list = try await tickets.comments(
            of: try context.parameters.require("ref"), in: try context.parameters.require("code"), for: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(list, key: { Self.chronological($0.createdAt, $0.id) }, body: TicketBodies.CommentBody.init)
    }

    @Sendable func comment(_ request: Request, context: Context) async throws -> EditedResponse<TicketBodies.CommentBody> {
        let body = try await request.decodeJSON(as: TicketBodies.NewCommentBody.self, context: context)
        let made = try await tickets.comment(
            on: try context.parameters.require("ref"), in: try context.parameters.require("code"), body: body.body,
            visibility: body.visibility, idempotencyKey: request.idempotencyKey, by: try context.requirePrincipal())
        return EditedResponse(status: .made(made.created), response: TicketBodies.CommentBody(made.comment))
    }

    @Sendable func events(_ request: Request, context: Context) async throws -> AccessBodies.Page<TicketBodies.EventBody> {
        let list = try await tickets.events(
            of: try context.parameters.require("ref"), in: try context.parameters.require("code"), for: try context.requirePrincipal())
        return try Pagination(request, cursors: cursors).page(list, key: { Self.chronological($0.at, $0.id) }, body: TicketBodies.EventBody.init)
    }

    @Sendable func contact(_ request: Request, context: Context) async throws -> TicketBodies.ContactBody {
        TicketBodies.ContactBody(try await tickets.residentContact(
            of: try context.parameters.require("ref"), in: try context.parameters.require("code"),
            purpose: request.uri.queryParameters["purpose"].map(String.init), for: try context.requirePrincipal()))
    }

    /// The ticket as the answer, with its version as the `ETag`.
    private static func tagged(_ ticket: Ticket, request: Request, context: Context) throws -> Response {
        var response = try TicketBodies.TicketBody(ticket).response(from: request, context: context)
        response.headers[.eTag] = eTag(ticket)
        return response
    }

    /// A page key that sorts as time does: microseconds since 1970, zero-padded, then the id.
    static func chronological(_ moment: Date, _ id: UUID) -> String {
        let micros = String(Int64((moment.timeIntervalSince1970 * 1_000_000).rounded()))
        return String(repeating: "0", count: max(0, 20 - micros.count)) + micros + "|" + id.wire
    }

    static func eTag(_ ticket: Ticket) -> String { "\"\(ticket.version)\"" }

    /// The queue's filters from the query string; repeated or comma-separated lists.
    static func query(_ request: Request) throws -> TicketQuery {
        let parameters = request.uri.queryParameters
        func list(_ name: String) -> [String] {
            parameters.getAll(name).flatMap { $0.split(separator: ",").map { String($0) } }
        }
        func single(_ name: String) -> String? { parameters[Substring(name)].map(String.init) }
        var errors = FieldErrors()
        func number(_ name: String) -> Int? {
            guard let text = single(name) else { return nil }
            guard let value = Int(text) else {
                errors.add(name, "must be a whole number")
                return nil
            }
            return value
        }
        let query = TicketQuery(
            organisation: single("org"), statuses: list("status"), priorities: list("priority"), categories: list("category"),
            service: single("service"), assignee: single("assignee"), breachingWithinHours: number("breaching_within_hours"),
            text: single("q"), sort: single("sort"), limit: number("limit"), cursor: single("cursor"))
        try errors.throwIfAny()
        return query
    }
}

