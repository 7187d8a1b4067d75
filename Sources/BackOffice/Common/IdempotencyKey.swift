import Foundation

/// A create request's `Idempotency-Key` with the fingerprint of what it asks for. The store
/// makes a create at most once per key: a retry with the same key and the same fingerprint
/// gets what the first request made, the same key with another fingerprint is a conflict.
public struct IdempotencyKey: Sendable, Equatable {
    /// What a key makes, so that one key can serve different routes of one organisation.
    public enum Kind: String, Sendable {
        case ticket, member, roleGrant = "role_grant", comment, trainingTask = "training_task", deployment
        case usageImport = "usage_import"
    }

    public let kind: Kind
    public let key: String
    /// The request's content as one string: equal for equal requests, whenever made.
    public let fingerprint: String

    public init(kind: Kind, key: String, fingerprint: String) {
        self.kind = kind
        self.key = key
        self.fingerprint = fingerprint
    }

    /// The key of a request whose content is `fields`, or nil without a key; a key that is
    /// empty or longer than 255 characters is noted in `errors` as the field `idempotency_key`.
    public init?(_ key: String?, of kind: Kind, content fields: [String?], errors: inout FieldErrors) {
        guard let key, let checked = errors.check(Validation.text(key, field: "idempotency_key", length: 1...255)) else { return nil }
        self.init(kind: kind, key: checked, fingerprint: Self.fingerprint(of: fields))
    }

    /// Fields as one string, each prefixed with its length so that no two lists meet.
    public static func fingerprint(of fields: [String?]) -> String {
        fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "-" }.joined(separator: "|")
    }
}
