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
        let kind = idempotency.kind.rawValue, key = idempotency.key, fingerprint = idempotency.fingerprint
        try await transaction.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(\([orgID.uuidString.lowercased(), kind, key].joined(separator: " ")), 0))")
        if let row = try await transaction.query("""
            SELECT result_id, request_sha256 = encode(sha256(convert_to(\(fingerprint), 'UTF8')), 'hex') AS same
            FROM idempotency_keys WHERE org_id = \(orgID) AND kind = \(kind) AND key = \(key)
            """).first {
            guard try row.decode(Bool.self, "same") else {
                throw BackOfficeError.conflict("the Idempotency-Key \(key) was used for another request with different content")
            }
            guard let value = try await earlier(try row.decode(UUID.self, "result_id")) else {
                throw BackOfficeError.conflict("what the Idempotency-Key \(key) made no longer exists")
            }
            return (value, false)
        }
        let made = try await make()
        transaction.sendWithNext("""
            INSERT INTO idempotency_keys (org_id, kind, key, request_sha256, result_id)
            VALUES (\(orgID), \(kind), \(key), encode(sha256(convert_to(\(fingerprint), 'UTF8')), 'hex'), \(made.id))
            """)
        return (made.value, true)
    }
}
