import BackOffice
import Foundation
import Postgres

/// The tickets mails belong to: by the `Message-ID`s the desk received, and by the threading
/// headers of answers to what it sent (a ticket's thread, `MailThread`, or a mail of the outbox).
extension PostgresTicketStore {
    public func ticket(receivedMessageID messageID: String, in organisation: Organisation) async throws -> Ticket? {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                guard let row = try await transaction.query("""
                    SELECT t.number FROM mail_received m JOIN tickets t ON t.org_id = m.org_id AND t.id = m.ticket_id
                    WHERE m.org_id = \(organisation.id) AND m.message_id = \(messageID)
                    """).first else { return nil }
                return try await Self.ticket(number: try row.decode(Int.self, "number"), in: organisation, lock: false, transaction)
            }
        }
    }

    public func ticket(threading messageIDs: [String], in organisation: Organisation) async throws -> Ticket? {
        let threads = messageIDs.compactMap(MailThread.ticketID)
        return try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                guard let row = try await transaction.query("""
                    SELECT t.number, 0 AS rank FROM tickets t
                    WHERE t.org_id = \(organisation.id) AND t.id = ANY (\(threads)::uuid[])
                    UNION ALL
                    SELECT t.number, 1 FROM mail_received m JOIN tickets t ON t.org_id = m.org_id AND t.id = m.ticket_id
                    WHERE m.org_id = \(organisation.id) AND m.message_id = ANY (\(messageIDs)::text[])
                    UNION ALL
                    SELECT t.number, 1 FROM mail_outbox m JOIN tickets t ON t.org_id = m.org_id AND t.id = m.ticket_id
                    WHERE m.org_id = \(organisation.id) AND m.message_id = ANY (\(messageIDs)::text[])
                    ORDER BY rank, number DESC LIMIT 1
                    """).first else { return nil }
                return try await Self.ticket(number: try row.decode(Int.self, "number"), in: organisation, lock: false, transaction)
            }
        }
    }
}
