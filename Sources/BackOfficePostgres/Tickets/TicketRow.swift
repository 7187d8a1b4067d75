import BackOffice
import Foundation
import Postgres

/// Reads tickets: the one select list every ticket query uses, and its decoding.
enum TicketRow {
    /// The select list's columns in their order; a row is read by position, not by name
    /// (a page of tickets is 30 columns a row, and the names' lookups were a measured cost).
    private enum Column: Int, CaseIterable {
        case id, orgID, orgCode, number, subject, description, category, channel, priority, serviceCode, reporterPersonID,
            reporterEmail, assigneePersonID, assigneeEmail, status, version, createdAt, updatedAt, firstResponseAt,
            firstResponseDueAt, resolutionDueAt, resolvedAt, closedAt, waitingSince, pausedMinutes, firstResponseMinutes,
            resolutionMinutes, mergedIntoID, mergedIntoReference

        /// The column's expression in the select list.
        var expression: String {
            switch self {
            case .id: "t.id"
            case .orgID: "t.org_id"
            case .orgCode: "o.code AS org_code"
            case .number: "t.number"
            case .subject: "t.subject"
            case .description: "t.description"
            case .category: "t.category"
            case .channel: "t.channel"
            case .priority: "t.priority"
            case .serviceCode: "s.code AS service_code"
            case .reporterPersonID: "t.reporter_person_id"
            case .reporterEmail: "r.email AS reporter_email"
            case .assigneePersonID: "t.assignee_person_id"
            case .assigneeEmail: "a.email AS assignee_email"
            case .status: "t.status"
            case .version: "t.version"
            case .createdAt: "t.created_at"
            case .updatedAt: "t.updated_at"
            case .firstResponseAt: "t.first_response_at"
            case .firstResponseDueAt: "t.first_response_due_at"
            case .resolutionDueAt: "t.resolution_due_at"
            case .resolvedAt: "t.resolved_at"
            case .closedAt: "t.closed_at"
            case .waitingSince: "t.waiting_since"
            case .pausedMinutes: "t.paused_minutes"
            case .firstResponseMinutes: "t.first_response_minutes"
            case .resolutionMinutes: "t.resolution_minutes"
            case .mergedIntoID: "t.merged_into_id"
            case .mergedIntoReference: "o.code || '-' || m.number AS merged_into_reference"
            }
        }
    }

    private static let selectList = Column.allCases.map(\.expression).joined(separator: ", ")

    /// The ticket columns with the organisation code and the people's and service's names,
    /// from `source` (a table or a common table expression named in code) as `t`.
    static func select(from source: String) -> PostgresQuery {
        PostgresQuery(stringLiteral: """
            SELECT \(selectList)
            FROM \(source) t
            JOIN organisations o ON o.id = t.org_id
            LEFT JOIN omaolo_services s ON s.id = t.service_id
            LEFT JOIN people r ON r.id = t.reporter_person_id
            LEFT JOIN people a ON a.id = t.assignee_person_id
            LEFT JOIN tickets m ON m.org_id = t.org_id AND m.id = t.merged_into_id
            """)
    }

    static func ticket(_ row: PostgresRow) throws -> Ticket {
        func value<T: PostgresDecodable>(_ column: Column, as type: T.Type = T.self) throws -> T {
            try row.decode(T.self, at: column.rawValue)
        }
        func named<T: RawRepresentable<String>>(_ column: Column, as type: T.Type) throws -> T {
            try row.decode(named: T.self, at: column.rawValue)
        }
        let reporter: TicketReporter
        if let reporterID = try value(.reporterPersonID, as: UUID?.self) {
            reporter = .professional(personID: reporterID, email: try value(.reporterEmail))
        } else {
            reporter = .resident
        }
        return Ticket(
            id: try value(.id), organisationID: try value(.orgID), organisationCode: try value(.orgCode),
            number: try value(.number), subject: try value(.subject), description: try value(.description),
            category: try named(.category, as: TicketCategory.self), channel: try named(.channel, as: TicketChannel.self),
            priority: try named(.priority, as: TicketPriority.self), serviceCode: try value(.serviceCode), reporter: reporter,
            assigneeID: try value(.assigneePersonID), assigneeEmail: try value(.assigneeEmail),
            status: try named(.status, as: TicketStatus.self), version: try value(.version),
            createdAt: try value(.createdAt), updatedAt: try value(.updatedAt), firstResponseAt: try value(.firstResponseAt),
            firstResponseDue: try value(.firstResponseDueAt), resolutionDue: try value(.resolutionDueAt),
            resolvedAt: try value(.resolvedAt), closedAt: try value(.closedAt), waitingSince: try value(.waitingSince),
            pausedMinutes: try value(.pausedMinutes), firstResponseMinutes: try value(.firstResponseMinutes),
            resolutionMinutes: try value(.resolutionMinutes),
            mergedInto: try value(.mergedIntoID, as: UUID?.self).map {
                TicketLink(id: $0, reference: try value(.mergedIntoReference))
            })
    }
}
