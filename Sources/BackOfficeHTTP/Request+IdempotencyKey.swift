import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header).
    static let idempotencyKey = Self("Idempotency-Key")!
}

extension Request {
    /// The `Idempotency-Key` of a create: a retry with the same key gets what the first made.
    var idempotencyKey: String? { headers[.idempotencyKey] }
}

extension HTTPResponse.Status {
    /// 201 for a create this request made, 200 for a retry that got what the first request made.
    static func made(_ created: Bool) -> Self { created ? .created : .ok }
}
