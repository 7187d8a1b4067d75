import BackOffice
import Foundation
import Postgres

/// Reads tickets: the one select list every ticket query uses, and its decoding.
enum TicketRow {
    /// The ticket columns with the organisation code and the people's and service's names,
    /// from `source` (a table or a common table expression named in code) as `t`.
    static func select(from source: String) -> PostgresQuery {
        PostgresQuery(stringLiteral: """
            SELECT t.id, t.org_id, o.code AS org_code, t.number, t.subject, t.description, t.category, t.channel,
                   t.priority, s.code AS service_code, t.reporter_kind, t.reporter_person_id, r.email AS reporter_email,
                   t.assignee_person_id, a.email AS assignee_email, t.status, t.version, t.created_at, t.updated_at,
                   t.first_response_at, t.first_response_due_at, t.resolution_due_at, t.resolved_at, t.closed_at,
                   t.waiting_since, t.paused_minutes, t.first_response_minutes, t.resolution_minutes,
                   t.merged_into_id, o.code || '-' || m.number AS merged_into_reference
            FROM \(source) t
            JOIN organisations o ON o.id = t.org_id
            LEFT JOIN omaolo_services s ON s.id = t.service_id
            LEFT JOIN people r ON r.id = t.reporter_person_id
            LEFT JOIN people a ON a.id = t.assignee_person_id
            LEFT JOIN tickets m ON m.org_id = t.org_id AND m.id = t.merged_into_id
            """)
    }

    static func ticket(_ row: PostgresRow) throws -> Ticket {
        let reporter: TicketReporter
        if let reporterID = try row.decode(UUID?.self, "reporter_person_id") {
            reporter = .professional(personID: reporterID, email: try row.decode(String.self, "reporter_email"))
        } else {
            reporter = .resident
        }
        return Ticket(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
            organisationCode: try row.decode(String.self, "org_code"), number: try row.decode(Int.self, "number"),
            subject: try row.decode(String.self, "subject"), description: try row.decode(String.self, "description"),
            category: try row.decode(named: TicketCategory.self, "category"), channel: try row.decode(named: TicketChannel.self, "channel"), priority: try row.decode(named: TicketPriority.self, "priority"),
            serviceCode: try row.decode(String?.self, "service_code"), reporter: reporter,
            assigneeID: try row.decode(UUID?.self, "assignee_person_id"), assigneeEmail: try row.decode(String?.self, "assignee_email"),
            status: try row.decode(named: TicketStatus.self, "status"), version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"), updatedAt: try row.decode(Date.self, "updated_at"),
            firstResponseAt: try row.decode(Date?.self, "first_response_at"),
            firstResponseDue: try row.decode(Date.self, "first_response_due_at"),
            resolutionDue: try row.decode(Date.self, "resolution_due_at"), resolvedAt: try row.decode(Date?.self, "resolved_at"),
            closedAt: try row.decode(Date?.self, "closed_at"), waitingSince: try row.decode(Date?.self, "waiting_since"),
            pausedMinutes: try row.decode(Int.self, "paused_minutes"),
            firstResponseMinutes: try row.decode(Int?.self, "first_response_minutes"),
            resolutionMinutes: try row.decode(Int?.self, "resolution_minutes"),
            mergedInto: try row.decode(UUID?.self, "merged_into_id").map {
                TicketLink(id: $0, reference: try row.decode(String.self, "merged_into_reference"))
            })
    }
}
