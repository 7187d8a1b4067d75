import Foundation

/// What the retention job needs from storage beyond the tickets' contacts: each purge counts
/// what it removed (or, dry, would remove) and writes its audit entry when it removed any.
public protocol RetentionStore: Sendable {
    func deleteIdempotencyKeys(createdBefore cutoff: Date, dryRun: Bool, audit: (Int) -> AuditEntry) async throws -> Int
    func deleteWebSessions(lastSeenBefore idleCutoff: Date, createdBefore absoluteCutoff: Date, dryRun: Bool,
                           audit: (Int) -> AuditEntry) async throws -> Int
}
