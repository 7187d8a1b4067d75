import BackOffice
import Foundation
import Postgres

/// The one way a create is made at most once per `Idempotency-Key`, inside the create's own
/// transaction: the key's advisory lock serialises concurrent retries, and the key is stored
/// with the SHA-256 of the request's fingerprint and the id of what it made, so it commits or
/// rolls back together with the row (a retry after an unknown outcome finds one or neither).
enum IdempotentCreate {
    /// Without a key: `make`. With one already used in the organisation for the same kind:
    /// what it made, read back by `earlier` from its id (`created` false), or `.conflict` if
    /// the fingerprint differs. Otherwise `make`, with the key recorded beside its result.
    static func run<Value>(
        _ idempotency: IdempotencyKey?, in orgID: UUID, _ transaction: Transaction,
        earlier: (UUID) async throws -> Value?, make: () async throws -> (value: Value, id: UUID)
    ) async throws -> (Value, created: Bool) {
        guard let idempotency else { return (try await make().value, true) }
        if let found = try await lookUp(idempotency, in: orgID, transaction, earlier: earlier) { return (found, false) }
        let made = try await make()
        record(idempotency, made: made.id, in: orgID, transaction)
        return (made.value, true)
    }

    /// As `run`, for a create that knows the id of what it makes (`id`) before it makes it:
    /// the key is recorded ahead of `make`, so `make` may end the transaction with its own
    /// statement (`Transaction.queryCommitting`); a `make` that fails rolls both back.
    static func run<Value>(
        _ idempotency: IdempotencyKey?, in orgID: UUID, _ transaction: Transaction, making id: UUID,
        earlier: (UUID) async throws -> Value?, make: () async throws -> Value
    ) async throws -> (Value, created: Bool) {
        if let idempotency {
            if let found = try await lookUp(idempotency, in: orgID, transaction, earlier: earlier) { return (found, false) }
            record(idempotency, made: id, in: orgID, transaction)
        }
        return (try await make(), true)
    }

    /// What the key made before, read back by `earlier`, or nil for a key not used yet; the
    /// key's advisory lock (sent with the look-up, one round trip) holds off concurrent retries
    /// until this transaction ends.
    private static func lookUp<Value>(
        _ idempotency: IdempotencyKey, in orgID: UUID, _ transaction: Transaction, earlier: (UUID) async throws -> Value?
    ) async throws -> Value? {
        let kind = idempotency.kind.rawValue, key = idempotency.key, fingerprint = idempotency.fingerprint
        transaction.sendWithNext(
            "SELECT pg_advisory_xact_lock(hashtextextended(\([orgID.uuidString.lowercased(), kind, key].joined(separator: " ")), 0))")
        guard let row = try await transaction.query("""
            SELECT result_id, request_sha256 = encode(sha256(convert_to(\(fingerprint), 'UTF8')), 'hex') AS same
            FROM idempotency_keys WHERE org_id = \(orgID) AND kind = \(kind) AND key = \(key)
            """).first else { return nil }
        guard try row.decode(Bool.self, "same") else {
            throw BackOfficeError.conflict("the Idempotency-Key \(key) was used for another request with different content")
        }
        guard let value = try await earlier(try row.decode(UUID.self, "result_id")) else {
            throw BackOfficeError.conflict("what the Idempotency-Key \(key) made no longer exists")
        }
        return value
    }

    /// Queues the key's row, with the fingerprint's SHA-256 and the id of what it made.
    private static func record(_ idempotency: IdempotencyKey, made id: UUID, in orgID: UUID, _ transaction: Transaction) {
        transaction.sendWithNext("""
            INSERT INTO idempotency_keys (org_id, kind, key, request_sha256, result_id)
            VALUES (\(orgID), \(idempotency.kind.rawValue), \(idempotency.key),
                    encode(sha256(convert_to(\(idempotency.fingerprint), 'UTF8')), 'hex'), \(id))
            """)
    }
}
