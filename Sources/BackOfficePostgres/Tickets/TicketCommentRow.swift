import BackOffice
import Foundation
import Postgres

/// Reads comments and history entries of tickets.
enum TicketCommentRow {
    /// A row with `id`, `author_person_id`, `author_email`, `visibility`, `body`, `created_at`,
    /// `from_reference`.
    static func comment(_ row: PostgresRow) throws -> TicketComment {
        TicketComment(
            id: try row.decode(UUID.self, "id"), authorID: try row.decode(UUID?.self, "author_person_id"),
            authorEmail: try row.decode(String?.self, "author_email"), visibility: try row.decode(named: TicketComment.Visibility.self, "visibility"),
            body: try row.decode(String.self, "body"), createdAt: try row.decode(Date.self, "created_at"),
            fromReference: try row.decode(String?.self, "from_reference"))
    }

    /// A row with `id`, `at`, `actor_person_id`, `actor_email`, `kind`, `changes`, `interface`.
    static func event(_ row: PostgresRow) throws -> TicketEvent {
        TicketEvent(
            id: try row.decode(UUID.self, "id"), at: try row.decode(Date.self, "at"),
            actorID: try row.decode(UUID?.self, "actor_person_id"), actorEmail: try row.decode(String?.self, "actor_email"),
            kind: try row.decode(String.self, "kind"),
            changes: try row.decode(PostgresJSON<[String: TicketEvent.Change]>.self, "changes").value,
            interface: try row.decode(named: Interface.self, "interface"))
    }
}
