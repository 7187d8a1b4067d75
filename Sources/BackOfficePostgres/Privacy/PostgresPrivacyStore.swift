import BackOffice
import Foundation
import Postgres

/// `PrivacyStore` over PostgreSQL, in the county scope: a resident's tickets may be in any
/// organisation, and row-level security stays on.
public struct PostgresPrivacyStore: PrivacyStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func contactCandidates(phoneDigits: String?, email: String?) async throws -> [ContactCandidate] {
        try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                try await transaction.query("""
                    SELECT org_id, ticket_id, phone, email FROM ticket_resident_contacts
                    WHERE anonymised_at IS NULL
                      AND (right(regexp_replace(phone, '[^0-9]', '', 'g'), 7) = \(phoneDigits)::text
                           OR lower(email) = \(email)::text)
                    """).map { row in
                    ContactCandidate(
                        organisationID: try row.decode(UUID.self, "org_id"), ticketID: try row.decode(UUID.self, "ticket_id"),
                        phone: try row.decode(String?.self, "phone"), email: try row.decode(String?.self, "email"))
                }
            }
        }
    }

    public func accessReport(
        of tickets: [ContactCandidate], readBy reader: UUID, interface: Interface, purpose: String
    ) async throws -> [AccessReport.Ticket] {
        let organisations = tickets.map(\.organisationID), ids = tickets.map(\.ticketID)
        return try await StoreError.mapping {
            try await pool.withCountyScope(actor: reader) { transaction in
                let reads = try await Self.reads(organisations, ids, transaction)
                let found = try await transaction.query("""
                    SELECT t.org_id, t.id, o.code || '-' || t.number AS reference, o.code, o.name, t.created_at, t.status, t.closed_at
                    FROM unnest(\(organisations)::uuid[], \(ids)::uuid[]) AS wanted(org_id, ticket_id)
                    JOIN tickets t ON t.org_id = wanted.org_id AND t.id = wanted.ticket_id
                    JOIN organisations o ON o.id = t.org_id
                    ORDER BY t.created_at, reference
                    """).map { row in
                    AccessReport.Ticket(
                        reference: try row.decode(String.self, "reference"), organisationCode: try row.decode(String.self, "code"),
                        organisationName: try row.decode(String.self, "name"), createdAt: try row.decode(Date.self, "created_at"),
                        status: try row.decode(named: TicketStatus.self, "status"), closedAt: try row.decode(Date?.self, "closed_at"),
                        reads: reads[try row.decode(UUID.self, "id")] ?? [])
                }
                try await transaction.execute("""
                    INSERT INTO access_log (org_id, actor_person_id, ticket_id, interface, purpose)
                    SELECT wanted.org_id, \(reader), wanted.ticket_id, \(interface.rawValue), \(purpose)
                    FROM unnest(\(organisations)::uuid[], \(ids)::uuid[]) AS wanted(org_id, ticket_id)
                    """)
                return found
            }
        }
    }

    /// Ticket id → every read of its contact, oldest first, with the roles the reader held
    /// then (in that organisation, and in the county).
    private static func reads(_ organisations: [UUID], _ ids: [UUID], _ transaction: Transaction) async throws -> [UUID: [AccessReport.Read]] {
        var reads: [UUID: [AccessReport.Read]] = [:]
        for row in try await transaction.query("""
            SELECT a.ticket_id, a.at, p.full_name, o.code, a.interface, a.purpose,
                   ARRAY(SELECT g.role FROM org_role_grants g
                         WHERE g.org_id = a.org_id AND g.person_id = a.actor_person_id AND g.valid_from <= a.at
                           AND (g.valid_until IS NULL OR g.valid_until > a.at) AND (g.revoked_at IS NULL OR g.revoked_at > a.at)
                         UNION
                         SELECT c.role FROM county_role_grants c
                         WHERE c.person_id = a.actor_person_id AND c.valid_from <= a.at
                           AND (c.valid_until IS NULL OR c.valid_until > a.at) AND (c.revoked_at IS NULL OR c.revoked_at > a.at)
                         ORDER BY 1) AS roles
            FROM unnest(\(organisations)::uuid[], \(ids)::uuid[]) AS wanted(org_id, ticket_id)
            JOIN access_log a ON a.org_id = wanted.org_id AND a.ticket_id = wanted.ticket_id
            JOIN people p ON p.id = a.actor_person_id
            JOIN organisations o ON o.id = a.org_id
            ORDER BY a.at, a.id
            """) {
            reads[try row.decode(UUID.self, "ticket_id"), default: []].append(AccessReport.Read(
                at: try row.decode(Date.self, "at"), readerName: try row.decode(String.self, "full_name"),
                readerRoles: try row.decode([String].self, "roles"), organisationCode: try row.decode(String.self, "code"),
                interface: try row.decode(named: Interface.self, "interface"), purpose: try row.decode(String.self, "purpose")))
        }
        return reads
    }
}
