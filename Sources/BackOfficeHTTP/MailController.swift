import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/mail/outbox`: the mails the desk sends, newest first, keyset paged, without
/// addresses or any text beyond the subject (so never an internal note).
struct MailController {
    typealias Context = BackOfficeRequestContext
    let outbox: MailOutboxService

    /// One mail as listed.
    struct EntryBody: Encodable, Sendable {
        let id: String
        let organisation: String
        let ticket: String?
        let course: String?
        let kind: String
        let status: String
        let attempts: Int
        let subject: String
        let createdAt: Date
        let nextAttemptAt: Date
        let sentAt: Date?
        let lastError: String?

        enum CodingKeys: String, CodingKey {
            case id, organisation, ticket, course, kind, status, attempts, subject, createdAt = "created_at",
                nextAttemptAt = "next_attempt_at", sentAt = "sent_at", lastError = "last_error"
        }

        init(_ entry: OutboxEntry) {
            id = entry.id.wire
            organisation = entry.organisationCode
            ticket = entry.ticketReference
            course = entry.courseCode
            kind = entry.kind.rawValue
            status = entry.status.rawValue
            attempts = entry.attempts
            subject = entry.subject
            createdAt = entry.createdAt
            nextAttemptAt = entry.nextAttemptAt
            sentAt = entry.sentAt
            lastError = entry.lastError
        }
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("mail/outbox", use: list)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> AccessBodies.Page<EntryBody> {
        let query = request.uri.queryParameters
        var errors = FieldErrors()
        var statuses: [OutboxStatus] = []
        for value in query.getAll("status") {
            for name in value.split(separator: ",") {
                if let status = errors.check(OutboxStatus.named(String(name), field: "status")) { statuses.append(status) }
            }
        }
        // the service checks the range; a limit that is no number at all is refused here
        let limit = query["limit"].map { Int(String($0)) ?? 0 } ?? 50
        try errors.throwIfAny()
        let page = try await outbox.page(
            of: query["org"].map(String.init), statuses: statuses, limit: limit, cursor: query["cursor"].map(String.init),
            for: try context.requirePrincipal())
        return AccessBodies.Page(items: page.entries.map(EntryBody.init), nextCursor: page.nextCursor)
    }
}
