import BackOffice
import Foundation
import Postgres

/// Writes audit entries inside the transaction of the change they record.
enum AuditWriter {
    static func write(_ entry: AuditEntry, organisation: UUID, in transaction: Transaction) async throws {
        try await transaction.execute("""
            INSERT INTO audit_log (org_id, actor_person_id, action, object_type, object_id, before, after, reason, interface)
            VALUES (\(organisation), \(entry.actorID), \(entry.action), \(entry.objectType), \(entry.objectID),
                    \(entry.before.map(PostgresJSON.init))::jsonb, \(entry.after.map(PostgresJSON.init))::jsonb,
                    \(entry.reason), \(entry.interface.rawValue))
            """)
    }
}
