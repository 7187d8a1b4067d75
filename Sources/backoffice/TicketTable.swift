import BackOffice
import Foundation

/// How tickets, comments and history entries print: the columns of a list, and a ticket's
/// fields one per line.
enum TicketTable {
    static let columns = ["reference", "status", "priority", "category", "subject", "assignee", "resolution_due_at", "created_at"]

    static func row(_ ticket: Ticket) -> [String] {
        [ticket.reference, ticket.status.rawValue, ticket.priority.rawValue, ticket.category.rawValue, ticket.subject,
         ticket.assigneeEmail ?? "", moment(ticket.resolutionDue), moment(ticket.createdAt)]
    }

    /// Every field of the ticket, in the order a person reads them.
    static func fields(_ ticket: Ticket) -> [(String, String)] {
        var reporter = ticket.reporter.kind
        if case .professional(_, let email) = ticket.reporter { reporter += " \(email)" }
        return [
            ("reference", ticket.reference), ("subject", ticket.subject), ("description", ticket.description),
            ("status", ticket.status.rawValue), ("priority", ticket.priority.rawValue), ("category", ticket.category.rawValue),
            ("channel", ticket.channel.rawValue), ("service", ticket.serviceCode ?? ""), ("reporter", reporter),
            ("assignee", ticket.assigneeEmail ?? ""), ("version", String(ticket.version)), ("created_at", moment(ticket.createdAt)),
            ("updated_at", moment(ticket.updatedAt)), ("first_response_at", ticket.firstResponseAt.map(moment) ?? ""),
            ("first_response_due_at", moment(ticket.firstResponseDue)), ("resolution_due_at", moment(ticket.resolutionDue)),
            ("resolved_at", ticket.resolvedAt.map(moment) ?? ""), ("closed_at", ticket.closedAt.map(moment) ?? ""),
            ("waiting_since", ticket.waitingSince.map(moment) ?? ""), ("paused_minutes", String(ticket.pausedMinutes)),
            ("first_response_minutes", ticket.firstResponseMinutes.map(String.init) ?? ""),
            ("resolution_minutes", ticket.resolutionMinutes.map(String.init) ?? ""),
            ("merged_into", ticket.mergedInto?.reference ?? ""),
        ]
    }

    static let commentColumns = ["created_at", "author", "visibility", "body"]

    static func row(_ comment: TicketComment) -> [String] {
        [moment(comment.createdAt), comment.authorEmail ?? TicketReporter.resident.kind, comment.visibility.rawValue, comment.body]
    }

    static let eventColumns = ["at", "actor", "kind", "changes", "interface"]

    static func row(_ event: TicketEvent) -> [String] {
        let changes = event.changes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.from ?? "–") → \($0.value.to ?? "–")" }
        return [moment(event.at), event.actorEmail ?? "system", event.kind, changes.joined(separator: "; "), event.interface.rawValue]
    }

    /// ISO 8601 in UTC, as the API shows moments.
    static func moment(_ date: Date) -> String { date.formatted(.iso8601) }
}
