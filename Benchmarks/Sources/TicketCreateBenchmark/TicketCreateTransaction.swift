import Foundation
import Postgres

/// The ticket-create transaction, written once and run by both drivers: set the tenant,
/// insert the ticket with the organisation's next number, insert its first event, commit.
/// Each client works in its own organisation (its slot in `bench_orgs`), as desks do.
enum TicketCreateTransaction {
    static let setTenant = """
        SELECT set_config('app.org_id', (SELECT organisation::text FROM bench_orgs WHERE slot = $1), true)
        """
    static let insertTicket = """
        WITH next AS (
            UPDATE ticket_counters SET last_number = last_number + 1
            WHERE org_id = current_setting('app.org_id')::uuid
            RETURNING org_id, last_number)
        INSERT INTO tickets (org_id, number, subject, description, category, channel, priority, reporter_kind,
                             first_response_due_at, resolution_due_at)
        SELECT org_id, last_number, 'Kirjautuminen ei onnistu', 'Ammattilainen ei pääse kirjautumaan Omaoloon.',
               'login_and_access', 'phone', 'normal', 'resident', now() + interval '8 hours', now() + interval '40 hours'
        FROM next
        RETURNING id
        """
    static let insertEvent = """
        INSERT INTO ticket_events (org_id, ticket_id, kind, changes, interface)
        VALUES (current_setting('app.org_id')::uuid, $1, 'created', '{}', 'system')
        """

    /// The same statements as a pgbench script (`:slot` and `:id` become bound parameters
    /// under `-M prepared`).
    static var pgbenchScript: String {
        """
        \\set slot :client_id % 16
        BEGIN;
        \(setTenant.replacingOccurrences(of: "$1", with: ":slot").oneLine);
        \(insertTicket.oneLine) \\gset
        \(insertEvent.replacingOccurrences(of: "$1", with: ":id").oneLine);
        COMMIT;

        """
    }

    /// One transaction through the `Postgres` module, which pipelines BEGIN and the tenant
    /// setting with the ticket insert, and the event insert (whose result is not needed) with
    /// COMMIT: two round trips where pgbench makes five.
    static func run(slot: Int, on pool: ConnectionPool) async throws {
        try await pool.withTransaction { transaction in
            transaction.sendWithNext(PostgresQuery(setTenant, parameters: [slot]))
            let id = try await transaction.query(PostgresQuery(insertTicket, parameters: [])).single().decode(UUID.self, "id")
            transaction.sendWithNext(PostgresQuery(insertEvent, parameters: [id]))
        }
    }
}

extension String {
    /// pgbench reads one statement a line.
    var oneLine: String {
        split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
