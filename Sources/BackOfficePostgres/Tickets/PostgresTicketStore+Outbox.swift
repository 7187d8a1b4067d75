import BackOffice
import Foundation
import Postgres

extension PostgresTicketStore {
    /// Writes the mails a change asks for into the outbox, in the change's own transaction (a
    /// rollback sends nothing): the recipient's address is read here, a resident's read going
    /// to the access log like any other, and `MailComposer` writes the message. A recipient
    /// without an e-mail address (a resident who gave a phone number) gets none. A reporter who
    /// wrote in by mail gets mails that answer their first one (`mail_received`).
    static func enqueue(
        _ requests: [MailRequest], for ticket: Ticket, in organisation: Organisation, by actor: UUID?, interface: Interface,
        _ transaction: Transaction
    ) async throws {
        for request in requests {
            guard let addressee = try await addressee(of: request, for: ticket, by: actor, interface: interface, transaction) else { continue }
            let mail = MailComposer.compose(request, for: ticket, of: organisation, to: addressee, at: Date())
            transaction.sendWithNext("""
                INSERT INTO mail_outbox (org_id, ticket_id, kind, recipient, subject, message, message_id)
                VALUES (\(organisation.id), \(ticket.id), \(mail.kind.rawValue), \(mail.recipient), \(mail.subject), \(mail.message),
                        \(mail.messageID))
                """)
        }
    }

    private static func addressee(
        of request: MailRequest, for ticket: Ticket, by actor: UUID?, interface: Interface, _ transaction: Transaction
    ) async throws -> MailAddressee? {
        let row: PostgresRow?
        let original: PostgresQuery = """
            CASE WHEN \(request.recipient == .reporter) THEN (
                SELECT r.message_id FROM mail_received r WHERE r.org_id = \(ticket.organisationID) AND r.ticket_id = \(ticket.id)
                ORDER BY r.received_at, r.message_id LIMIT 1) END AS original_message_id
            """
        switch (request.recipient, ticket.reporter) {
        case (.person(let id), _), (.reporter, .professional(let id, _)):
            var query: PostgresQuery = "SELECT email, language, "
            query.append(original)
            query.append(" FROM people WHERE id = \(id) AND active")
            row = try await transaction.query(query).first
        case (.reporter, .resident):
            var query: PostgresQuery = "SELECT email, language, "
            query.append(original)
            query.append("""
                 FROM ticket_resident_contacts
                WHERE org_id = \(ticket.organisationID) AND ticket_id = \(ticket.id) AND email IS NOT NULL
                """)
            row = try await transaction.query(query).first
            if row != nil {
                transaction.sendWithNext("""
                    INSERT INTO access_log (org_id, actor_person_id, ticket_id, interface, purpose)
                    VALUES (\(ticket.organisationID), \(actor), \(ticket.id), \(interface.rawValue), \("sähköposti: \(request.kind.rawValue)"))
                    """)
            }
        }
        guard let row else { return nil }
        return MailAddressee(
            address: try row.decode(String.self, "email"), language: try row.decode(named: MailLanguage.self, "language"),
            originalMessageID: try row.decode(String?.self, "original_message_id"))
    }
}
