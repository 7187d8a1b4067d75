import BackOffice
import Foundation
import Postgres

/// `MailOutboxStore` over PostgreSQL. Delivery works in the county scope (the outbox of
/// every organisation); a listing of one organisation, and a re-queue, in its tenant scope.
public struct PostgresMailOutbox: MailOutboxStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func deliverNext(dueAt moment: Date, in organisation: Organisation?, _ deliver: (OutboxMail) async -> DeliveryOutcome) async throws -> Bool {
        try await StoreError.mapping {
            try await inScope(of: organisation) { transaction in
                guard let row = try await transaction.query("""
                    SELECT org_id, id, recipient, message, attempts FROM mail_outbox
                    WHERE (\(organisation?.id)::uuid IS NULL OR org_id = \(organisation?.id))
                      AND status = 'pending' AND next_attempt_at <= \(moment)
                    ORDER BY next_attempt_at, created_at LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """).first else { return false }
                let mail = OutboxMail(
                    id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
                    recipient: try row.decode(String.self, "recipient"), message: try row.decode(String.self, "message"),
                    attempts: try row.decode(Int.self, "attempts"))
                switch await deliver(mail) {
                case .sent:
                    try await transaction.execute("""
                        UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
                        WHERE org_id = \(mail.organisationID) AND id = \(mail.id)
                        """)
                case .retry(let next, let error):
                    try await transaction.execute("""
                        UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = \(next), last_error = \(String(error.prefix(2000)))
                        WHERE org_id = \(mail.organisationID) AND id = \(mail.id)
                        """)
                case .failed(let error):
                    try await transaction.execute("""
                        UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = \(String(error.prefix(2000)))
                        WHERE org_id = \(mail.organisationID) AND id = \(mail.id)
                        """)
                }
                return true
            }
        }
    }

    public func entries(_ filter: OutboxFilter) async throws -> [OutboxEntry] {
        var query = Self.selection
        query.append("""

            WHERE (\(filter.organisation?.id)::uuid IS NULL OR m.org_id = \(filter.organisation?.id))
              AND m.status = ANY (\(filter.statuses.map(\.rawValue))::text[])
            """)
        if let after = filter.after {
            query.append("""

                  AND (m.created_at, m.id) < (SELECT created_at, id FROM mail_outbox WHERE org_id = \(after.organisationID) AND id = \(after.mailID))
                """)
        }
        query.append(" ORDER BY m.created_at DESC, m.id DESC")
        if let limit = filter.limit { query.append(" LIMIT \(limit)") }
        return try await StoreError.mapping {
            try await inScope(of: filter.organisation) { transaction in try await transaction.query(query).map(Self.entry) }
        }
    }

    public func requeue(
        id: UUID, in organisation: Organisation, by actor: UUID, check: (OutboxEntry) throws -> Void, audit: (OutboxEntry) -> AuditEntry
    ) async throws -> OutboxEntry {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor) { transaction in
                var query = Self.selection
                query.append(" WHERE m.org_id = \(organisation.id) AND m.id = \(id) FOR UPDATE OF m")
                guard let row = try await transaction.query(query).first else {
                    throw BackOfficeError.notFound("mail \(id.uuidString.lowercased())")
                }
                let before = try Self.entry(row)
                try check(before)
                try await transaction.execute("""
                    UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
                    WHERE org_id = \(organisation.id) AND id = \(id)
                    """)
                try await AuditWriter.write(audit(before), organisation: organisation.id, in: transaction)
                var reread = Self.selection
                reread.append(" WHERE m.org_id = \(organisation.id) AND m.id = \(id)")
                return try Self.entry(try await transaction.query(reread).single())
            }
        }
    }

    /// The outbox's mails (`m`) with the ticket or the course they are about; no addresses.
    private static var selection: PostgresQuery {
        """
        SELECT m.id, m.org_id, o.code, t.number, c.code AS course_code, m.kind, m.status, m.attempts, m.subject,
               m.created_at, m.next_attempt_at, m.sent_at, m.last_error
        FROM mail_outbox m
        JOIN organisations o ON o.id = m.org_id
        LEFT JOIN tickets t ON t.org_id = m.org_id AND t.id = m.ticket_id
        LEFT JOIN training_tasks k ON k.org_id = m.org_id AND k.id = m.task_id
        LEFT JOIN training_courses c ON c.id = k.course_id
        """
    }

    private static func entry(_ row: PostgresRow) throws -> OutboxEntry {
        let code = try row.decode(String.self, "code")
        return OutboxEntry(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"), organisationCode: code,
            ticketReference: try row.decode(Int?.self, "number").map { "\(code)-\($0)" },
            courseCode: try row.decode(String?.self, "course_code"),
            kind: try row.decode(named: MailKind.self, "kind"), status: try row.decode(named: OutboxStatus.self, "status"),
            attempts: try row.decode(Int.self, "attempts"), subject: try row.decode(String.self, "subject"),
            createdAt: try row.decode(Date.self, "created_at"), nextAttemptAt: try row.decode(Date.self, "next_attempt_at"),
            sentAt: try row.decode(Date?.self, "sent_at"), lastError: try row.decode(String?.self, "last_error"))
    }

    /// A transaction in the tenant scope of `organisation`, or in the county scope (nil).
    private func inScope<T: Sendable>(of organisation: Organisation?, _ body: (Transaction) async throws -> sending T) async throws -> T {
        if let organisation { return try await pool.withTenant(organisation.id, body) }
        return try await pool.withCountyScope(body)
    }

    public func removeFinished(createdBefore cutoff: Date, in organisation: Organisation?) async throws -> Int {
        try await StoreError.mapping {
            try await inScope(of: organisation) { transaction in
                try await transaction.query("""
                    WITH removed AS (
                        DELETE FROM mail_outbox
                        WHERE (\(organisation?.id)::uuid IS NULL OR org_id = \(organisation?.id))
                          AND status IN ('sent', 'failed') AND created_at < \(cutoff) RETURNING 1)
                    SELECT count(*) AS n FROM removed
                    """).single().decode(Int.self, "n")
            }
        }
    }
}
