import BackOffice
import Foundation
import Postgres

extension PostgresTicketStore {
    /// Runs in the county scope (the job spans organisations; row-level security stays on):
    /// the contacts are locked, emptied and stamped, each ticket gets a `contact_anonymised`
    /// event and the run one audit entry in the county's log, all in one transaction.
    public func anonymiseResidentContacts(closedBefore cutoff: Date, dryRun: Bool, audit: ([String]) -> AuditEntry) async throws -> [String] {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withCountyScope { transaction in
                let due = try await transaction.query("""
                    SELECT c.org_id, c.ticket_id, o.code || '-' || t.number AS reference
                    FROM ticket_resident_contacts c
                    JOIN tickets t ON t.org_id = c.org_id AND t.id = c.ticket_id
                    JOIN organisations o ON o.id = c.org_id
                    WHERE c.anonymised_at IS NULL AND t.status = 'closed' AND t.closed_at < \(cutoff)
                    ORDER BY o.code, t.number
                    FOR UPDATE OF c
                    """)
                let references = try due.map { try $0.decode(String.self, "reference") }
                guard !dryRun, !references.isEmpty else { return references }
                let organisations = try due.map { try $0.decode(UUID.self, "org_id") }
                let tickets = try due.map { try $0.decode(UUID.self, "ticket_id") }
                try await transaction.execute("""
                    UPDATE ticket_resident_contacts c SET name = NULL, email = NULL, phone = NULL, anonymised_at = now()
                    FROM unnest(\(organisations)::uuid[], \(tickets)::uuid[]) AS due(org_id, ticket_id)
                    WHERE c.org_id = due.org_id AND c.ticket_id = due.ticket_id
                    """)
                let changes = PostgresJSON(["resident_contact": TicketEvent.Change(from: "kept", to: "anonymised")])
                try await transaction.execute("""
                    INSERT INTO ticket_events (org_id, ticket_id, actor_person_id, kind, changes, interface)
                    SELECT due.org_id, due.ticket_id, NULL, 'contact_anonymised', \(changes)::jsonb, 'system'
                    FROM unnest(\(organisations)::uuid[], \(tickets)::uuid[]) AS due(org_id, ticket_id)
                    """)
                try await AuditWriter.write(audit(references), organisation: county, in: transaction)
                return references
            }
        }
    }
}
